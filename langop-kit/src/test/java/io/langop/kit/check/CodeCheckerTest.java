package io.langop.kit.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeCheckerTest {

    private static final CodeChecker CHECKER = CodeChecker.forRuntimeClasspath();

    /**
     * Hostile code goes on line 7 (body), line 5 (class member) or line 2 (imports). One trick per file,
     * hostile and benign, is in {@link PolicyCorpusTest}.
     */
    private static String agentWith(String imports, String member, String body) {
        return """
                import io.langop.sdk.agent.*;
                %s
                public class Agent implements LangopAgent {
                    public AgentDefinition define() { return AgentDefinition.builder("a").objective("x").build(); }
                    %s
                    void hostile() throws Exception {
                        %s
                    }
                }
                """.formatted(imports, member, body);
    }

    @Test
    void reportsTheExactPositionOfTheRefusedCall() {
        CheckResult result = CHECKER.check(agentWith("", "", "int a = 1; System.exit(a);"));

        assertThat(result.diagnostics())
                .containsExactly(new Diagnostic(
                        Diagnostic.Origin.POLICY,
                        7,
                        20,
                        "java.lang.System.exit is not allowed in agent code (System.exit)"));
        assertThat(result.report("Agent.java"))
                .isEqualTo("Agent.java:7:20: error: java.lang.System.exit is not allowed in agent code (System.exit)");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "import java.lang.reflect.*;",
                "import java.io.*;",
                "import java.lang.reflect.Method;",
                "import java.net.Socket;"
            })
    void refusesImportsOfForbiddenPackagesAndTypes(String importLine) {
        CheckResult result = CHECKER.check(agentWith(importLine, "", "int unused = 0;"));

        assertThat(result.diagnostics()).isNotEmpty().allSatisfy(diagnostic -> {
            assertThat(diagnostic.line()).isEqualTo(2);
            assertThat(diagnostic.message()).contains("is not allowed in agent code");
        });
    }

    @Test
    void reportsCompileErrorsWithPosition() {
        CheckResult result = CHECKER.check(agentWith("", "", "int x = \"text\";"));

        assertThat(result.passed()).isFalse();
        assertThat(result.diagnostics()).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.origin()).isEqualTo(Diagnostic.Origin.COMPILER);
            assertThat(diagnostic.line()).isEqualTo(7);
            assertThat(diagnostic.message()).contains("incompatible types");
        });
    }

    @Test
    void compilesAgainstTheAgentApiOnlyNotEveryLibraryOfTheRuntime() {
        // langchain4j is on this JVM's classpath (the SDK uses it) but not part of what agent code may use
        CheckResult result = CHECKER.check(agentWith("", "", "dev.langchain4j.model.chat.ChatModel model = null;"));

        assertThat(result.passed()).isFalse();
        assertThat(result.diagnostics()).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.origin()).isEqualTo(Diagnostic.Origin.COMPILER);
            assertThat(diagnostic.line()).isEqualTo(7);
            assertThat(diagnostic.message()).contains("dev.langchain4j.model.chat");
        });
    }

    @Test
    void requiresExactlyOneAgentClass() {
        CheckResult result = CHECKER.check("public class Agent { }");

        assertThat(result.diagnostics())
                .extracting(Diagnostic::message)
                .containsExactly("no class implements io.langop.sdk.agent.LangopAgent");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "NewsDigestAgent",
                "CustomStepsAgent",
                "InteractiveAgent",
                "ConditionalAgent",
                "EventAgent",
                "BudgetedAgent",
                "ParallelFanOutAgent",
                "StatefulAgent",
                "SwitchPatternsAgent",
                "LoggingAgent"
            })
    void acceptsRealisticAgentsAndLoadsThem(String fixture) throws Exception {
        CheckResult result = CHECKER.check(fixture(fixture));

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.agentClassName()).contains("Agent");
        Class<?> agentClass = result.classLoader(getClass().getClassLoader())
                .loadClass(result.agentClassName().orElseThrow());
        AgentDefinition definition = agentClass
                .asSubclass(LangopAgent.class)
                .getDeclaredConstructor()
                .newInstance()
                .define();
        assertThat(definition.name()).isNotBlank();
        assertThat(definition.objectives()).isNotEmpty();
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = CodeCheckerTest.class.getResourceAsStream("/agents/" + name + ".java")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
