package io.langop.sdk.content;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal and secret data in text without an external service: e-mail addresses, phone numbers (international
 * with a {@code +} and North American), payment card numbers (13-19 digits that pass the Luhn check), IBANs (that pass
 * the ISO 13616 mod-97 check) and API keys (the prefixes of well-known providers, and long tokens that mix upper and
 * lower case letters and digits as generated keys do). The checksums keep order numbers, dates and hashes from being
 * taken for cards and IBANs; what a pattern cannot tell apart from data (a name, an address) is not found.
 */
public final class SensitiveData {

    /** A kind of data, named as messages and logs say it: never the data itself. */
    public enum Kind {
        EMAIL_ADDRESS("an e-mail address"),
        PHONE_NUMBER("a phone number"),
        CARD_NUMBER("a payment card number"),
        IBAN("an IBAN"),
        API_KEY("an API key");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** Where one piece of data is in the text. */
    public record Finding(Kind kind, int start, int end) {}

    private record Detector(Kind kind, Pattern pattern) {}

    // Every quantifier is bounded, so that hostile text cannot make a search backtrack for long.
    private static final List<Detector> DETECTORS = List.of(
            new Detector(
                    Kind.API_KEY,
                    Pattern.compile("(?<![A-Za-z0-9_-])(?:sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,200}"
                            + "|[sr]k_(?:live|test)_[A-Za-z0-9]{16,200}|gh[pousr]_[A-Za-z0-9]{36,200}"
                            + "|github_pat_[A-Za-z0-9_]{40,200}|xox[abprs]-[A-Za-z0-9-]{10,200}|AKIA[0-9A-Z]{16}"
                            + "|AIza[0-9A-Za-z_-]{35}|glpat-[A-Za-z0-9_-]{20,200}|[A-Za-z0-9_-]{32,200})"
                            + "(?![A-Za-z0-9_-])")),
            new Detector(
                    Kind.EMAIL_ADDRESS,
                    Pattern.compile("[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\\.){1,8}[A-Za-z]{2,24}\\b")),
            new Detector(Kind.IBAN, Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b")),
            new Detector(Kind.CARD_NUMBER, Pattern.compile("(?<![\\d-])(?:\\d[ -]?){12,18}\\d(?![\\d-])")),
            new Detector(
                    Kind.PHONE_NUMBER,
                    Pattern.compile(
                            "(?<![\\w+])(?:\\+\\d{1,3}[ .-]?(?:\\(\\d{1,4}\\)[ .-]?)?(?:\\d{1,4}[ .-]?){1,5}\\d{1,4}"
                                    + "|\\(?\\b\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4})(?![\\w])")));

    private static final Pattern KNOWN_KEY_PREFIX =
            Pattern.compile("sk-|[sr]k_(?:live|test)_|gh[pousr]_|github_pat_|xox[abprs]-|AKIA|AIza|glpat-");

    private SensitiveData() {}

    /** Every piece of data in {@code text}, in order; where two overlap, the one found first by kind wins. */
    public static List<Finding> find(CharSequence text) {
        return find(text, EnumSet.allOf(Kind.class));
    }

    /** Every piece of data of the given kinds in {@code text}, in order. */
    public static List<Finding> find(CharSequence text, Set<Kind> kinds) {
        List<Finding> findings = new ArrayList<>();
        for (Detector detector : DETECTORS) {
            if (!kinds.contains(detector.kind())) {
                continue;
            }
            Matcher matcher = detector.pattern().matcher(text);
            while (matcher.find()) {
                Finding finding = new Finding(detector.kind(), matcher.start(), matcher.end());
                if (isValid(detector.kind(), matcher.group())
                        && findings.stream().noneMatch(other -> overlap(other, finding))) {
                    findings.add(finding);
                }
            }
        }
        findings.sort(Comparator.comparingInt(Finding::start));
        return List.copyOf(findings);
    }

    /** {@code text} with every piece of data of the given kinds replaced by its kind, e.g. {@code <api key>}. */
    public static String redact(String text, Set<Kind> kinds) {
        List<Finding> findings = find(text, kinds);
        if (findings.isEmpty()) {
            return text;
        }
        StringBuilder redacted = new StringBuilder(text.length());
        int from = 0;
        for (Finding finding : findings) {
            redacted.append(text, from, finding.start())
                    .append('<')
                    .append(finding.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append('>');
            from = finding.end();
        }
        return redacted.append(text, from, text.length()).toString();
    }

    private static boolean overlap(Finding a, Finding b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    private static boolean isValid(Kind kind, String match) {
        return switch (kind) {
            case API_KEY -> isKeyLike(match);
            case CARD_NUMBER -> passesLuhn(digits(match));
            case IBAN -> passesMod97(match.replace(" ", ""));
            case PHONE_NUMBER -> {
                int count = digits(match).length();
                yield count >= 8 && count <= 15;
            }
            case EMAIL_ADDRESS -> true;
        };
    }

    /**
     * A token of a known provider's format, or a long one mixing upper case, lower case and digits as random keys do
     * (a hex hash, a UUID, a word joined with underscores does not).
     */
    private static boolean isKeyLike(String token) {
        if (KNOWN_KEY_PREFIX.matcher(token).lookingAt()) {
            return true;
        }
        return token.chars().anyMatch(Character::isUpperCase)
                && token.chars().anyMatch(Character::isLowerCase)
                && token.chars().filter(Character::isDigit).count() >= 4;
    }

    static boolean passesLuhn(String digits) {
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /** ISO 13616: the country code and check digits moved to the end, letters as 10-35, the number mod 97 is 1. */
    static boolean passesMod97(String iban) {
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder number = new StringBuilder();
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            number.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(number.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static String digits(String text) {
        return text.replaceAll("\\D", "");
    }
}
