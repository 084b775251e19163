package io.langop.operator.synthesis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A prompt shipped in the operator jar, with {@code {{key}}} slots. */
final class PromptTemplate {

    private final String text;

    private PromptTemplate(String text) {
        this.text = text;
    }

    /** The template resource {@code name} next to this class. */
    static PromptTemplate bundled(String name) {
        try (InputStream in = PromptTemplate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the operator jar lacks its prompt template " + name);
            }
            return new PromptTemplate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String text() {
        return text;
    }

    /**
     * Fills every slot in a single pass, so values that themselves contain {@code {{...}}} (user
     * instructions, say) stay as written. A slot without a value is a bug in the operator, not input.
     */
    String fill(Map<String, String> values) {
        StringBuilder out = new StringBuilder(text.length() + 2048);
        int from = 0;
        while (true) {
            int open = text.indexOf("{{", from);
            if (open < 0) {
                return out.append(text, from, text.length()).toString();
            }
            int close = text.indexOf("}}", open);
            String key = text.substring(open + 2, close);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalStateException("prompt template names an unknown value {{" + key + "}}");
            }
            out.append(text, from, open).append(value);
            from = close + 2;
        }
    }
}
