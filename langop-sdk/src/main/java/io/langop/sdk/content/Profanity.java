package io.langop.sdk.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds English profanity by a word list ({@code profanity-en.txt}, one word or inflection a line): whole words,
 * case-insensitive, so that words that merely contain one ("Scunthorpe", "assess") pass. A list catches the words on
 * it, not insults made of ordinary words; that needs a model, which {@code toxic} would.
 */
public final class Profanity {

    private static final Pattern WORDS = load();

    private Profanity() {}

    /** The first profane word of {@code text}, if any. */
    public static Optional<String> firstIn(CharSequence text) {
        Matcher matcher = WORDS.matcher(text);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }

    private static Pattern load() {
        try (InputStream in = Profanity.class.getResourceAsStream("profanity-en.txt")) {
            if (in == null) {
                throw new IllegalStateException("profanity-en.txt is missing from the SDK");
            }
            List<String> words = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1))
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
            return Pattern.compile(
                    words.stream().map(Pattern::quote).collect(Collectors.joining("|", "\\b(?:", ")\\b")),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
