package io.langop.kit.tool;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A check on a parameter value, run after defaults and type coercion. The built-in validators also
 * publish the matching JSON-schema keywords ({@code format}, {@code pattern}, {@code minimum}, ...)
 * so a model sees the constraint in {@code tools/list} before it calls.
 */
@FunctionalInterface
public interface Validator {

    /**
     * Checks one value.
     *
     * @param value the coerced, non-null value
     * @return empty when the value is acceptable, else what it must be, phrased to follow "must", e.g.
     *     {@code "be an http or https URL"}
     */
    Optional<String> check(Object value);

    /** JSON-schema keywords describing this constraint; none by default. */
    default Map<String, Object> schemaKeywords() {
        return Map.of();
    }

    /** An absolute {@code http} or {@code https} URL with a host. */
    static Validator url() {
        return new Described(value -> isHttpUrl(value.toString()), "be an http or https URL", Map.of("format", "uri"));
    }

    /** A single e-mail address ({@code local@domain.tld}); display names are not accepted. */
    static Validator email() {
        Pattern address = Pattern.compile(
                "^[\\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}$");
        return new Described(
                value -> address.matcher(value.toString()).matches(),
                "be an e-mail address like name@example.com",
                Map.of("format", "email"));
    }

    /** The whole string representation matches {@code regex}. */
    static Validator pattern(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return new Described(
                value -> pattern.matcher(value.toString()).matches(),
                "match the pattern " + regex,
                Map.of("pattern", regex));
    }

    /** A number between {@code min} and {@code max}, both inclusive. */
    static Validator range(double min, double max) {
        if (min > max) {
            throw new IllegalArgumentException("range: min " + min + " is greater than max " + max);
        }
        return new Described(
                value -> value instanceof Number n && n.doubleValue() >= min && n.doubleValue() <= max,
                "be between " + plain(min) + " and " + plain(max),
                Map.of("minimum", plainNumber(min), "maximum", plainNumber(max)));
    }

    /** A custom check with its own explanation, e.g. {@code Validator.of(v -> ..., "be a weekday")}. */
    static Validator of(Predicate<Object> accepts, String mustBe) {
        return new Described(accepts, mustBe, Map.of());
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String plain(double number) {
        return plainNumber(number).toString();
    }

    private static Number plainNumber(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15 ? (Number) (long) number : number;
    }

    /** A predicate plus the words and schema keywords that explain it. */
    record Described(Predicate<Object> accepts, String mustBe, Map<String, Object> schemaKeywords)
            implements Validator {
        @Override
        public Optional<String> check(Object value) {
            return accepts.test(value) ? Optional.empty() : Optional.of(mustBe);
        }
    }
}
