package io.langop.operator.synthesis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the Java source out of an LLM answer, whatever chatter or Markdown fences surround it.
 *
 * <p>Models answer in many shapes: one {@code ```java} block, several blocks (an explanation in
 * {@code ```text}, then the code), an untagged fence, a fence that the token limit cut off, or bare
 * code after "Here is the agent:". The rule: among fenced blocks, the ones tagged {@code java} win,
 * and of those the one that declares a type; without fences, the text from the first line that starts
 * a compilation unit ({@code package}, {@code import}, a type declaration) to the last closing brace.
 */
public final class CodeExtractor {

    private static final Pattern FENCE = Pattern.compile(
            "(?m)^[ \\t]*(`{3,}|~{3,})[ \\t]*([\\w+#.-]*)[^\\n]*\\n(.*?)(?:^[ \\t]*\\1[ \\t]*$|\\z)", Pattern.DOTALL);
    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "(?m)^\\s*(?:(?:public|final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|record|interface|enum)\\s+\\w+");
    private static final Pattern UNIT_START = Pattern.compile(
            "(?m)^\\s*(?:package\\s+[\\w.]+\\s*;|import\\s+(?:static\\s+)?[\\w.*]+\\s*;|(?:(?:public|final|abstract|sealed)\\s+)*(?:class|record|interface|enum)\\s+\\w+)");

    private CodeExtractor() {}

    /** The Java source in {@code answer}, or empty when the answer holds none. */
    public static Optional<String> extract(String answer) {
        if (answer == null || answer.isBlank()) {
            return Optional.empty();
        }
        List<Block> blocks = fencedBlocks(answer);
        if (!blocks.isEmpty()) {
            return blocks.stream()
                    .filter(block -> TYPE_DECLARATION.matcher(block.body()).find())
                    .max(Comparator.comparingInt(Block::rank)
                            .thenComparingInt(block -> block.body().length()))
                    .map(Block::body);
        }
        return bareSource(answer);
    }

    private static List<Block> fencedBlocks(String answer) {
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = FENCE.matcher(answer);
        while (matcher.find()) {
            String language = matcher.group(2).toLowerCase(Locale.ROOT);
            String body = matcher.group(3).strip();
            if (!body.isEmpty()) {
                blocks.add(new Block(language, body));
            }
        }
        return blocks;
    }

    private static Optional<String> bareSource(String answer) {
        Matcher start = UNIT_START.matcher(answer);
        if (!start.find()) {
            return Optional.empty();
        }
        int end = answer.lastIndexOf('}');
        if (end < start.start()) {
            return Optional.empty();
        }
        return Optional.of(answer.substring(start.start(), end + 1).strip());
    }

    private record Block(String language, String body) {
        /** java-tagged blocks beat untagged ones, which beat blocks tagged with another language. */
        int rank() {
            return switch (language) {
                case "java" -> 2;
                case "" -> 1;
                default -> 0;
            };
        }
    }
}
