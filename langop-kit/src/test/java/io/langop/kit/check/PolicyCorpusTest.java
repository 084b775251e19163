package io.langop.kit.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The policy against a corpus of agent sources, one trick per file (src/test/resources/policy-corpus).
 * A hostile file marks the line that plays its trick with {@code // refused: <part of the message>}; a
 * benign file must pass and define its agent.
 */
class PolicyCorpusTest {

    private static final CodeChecker CHECKER = CodeChecker.forRuntimeClasspath();
    private static final String MARKER = "// refused: ";

    static Stream<Arguments> hostile() throws IOException, URISyntaxException {
        return corpus("hostile");
    }

    static Stream<Arguments> benign() throws IOException, URISyntaxException {
        return corpus("benign");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void refusesTheTrickOnTheLineThatPlaysIt(String trick, String source) {
        List<String> lines = source.lines().toList();
        int markedLine = IntStream.range(0, lines.size())
                        .filter(index -> lines.get(index).contains(MARKER))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(trick + " marks no line with " + MARKER))
                + 1;
        String expected =
                lines.get(markedLine - 1).substring(lines.get(markedLine - 1).indexOf(MARKER) + MARKER.length());

        CheckResult result = CHECKER.check(source);

        assertThat(result.passed()).as(trick + " passed the check").isFalse();
        assertThat(result.classes()).isEmpty();
        assertThat(result.diagnostics())
                .as("the trick compiles, so only the policy may refuse it")
                .allSatisfy(diagnostic -> assertThat(diagnostic.origin()).isEqualTo(Diagnostic.Origin.POLICY));
        assertThat(result.diagnostics()).as(result.report(trick + ".java")).anySatisfy(diagnostic -> {
            assertThat(diagnostic.line()).isEqualTo(markedLine);
            assertThat(diagnostic.message()).contains(expected);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benign")
    void acceptsLegitimateCodeAndDefinesTheAgent(String trick, String source) throws Exception {
        CheckResult result = CHECKER.check(source);

        assertThat(result.diagnostics()).as(result.report(trick + ".java")).isEmpty();
        AgentDefinition definition = result.classLoader(getClass().getClassLoader())
                .loadClass(result.agentClassName().orElseThrow())
                .asSubclass(LangopAgent.class)
                .getDeclaredConstructor()
                .newInstance()
                .define();
        assertThat(definition.objectives()).isNotEmpty();
    }

    private static Stream<Arguments> corpus(String kind) throws IOException, URISyntaxException {
        Path directory = Path.of(Objects.requireNonNull(PolicyCorpusTest.class.getResource("/policy-corpus/" + kind))
                .toURI());
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> sources = files.filter(file -> file.toString().endsWith(".java"))
                    .sorted()
                    .toList();
            assertThat(sources).as("the %s corpus", kind).isNotEmpty();
            return sources.stream()
                    .map(file -> Arguments.of(file.getFileName().toString().replace(".java", ""), readString(file)));
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
