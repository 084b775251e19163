package io.langop.kit.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CodeCheckerTest {

    private static final CodeChecker CHECKER = CodeChecker.forRuntimeClasspath();

    /** Hostile code goes on line 7 (body), line 5 (class member) or line 2 (imports). */
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

    static Stream<Arguments> hostileBodies() {
        return Stream.of(
                Arguments.of(
                        "Runtime.getRuntime().exec(\"ls\");",
                        "java.lang.Runtime is not allowed in agent code (processes)"),
                Arguments.of("new ProcessBuilder(\"ls\").start();", "java.lang.ProcessBuilder is not allowed"),
                Arguments.of("java.lang.Runtime.getRuntime().exec(\"ls\");", "java.lang.Runtime is not allowed"),
                Arguments.of("ProcessHandle.current().pid();", "java.lang.ProcessHandle is not allowed"),
                Arguments.of("System.exit(1);", "java.lang.System.exit is not allowed in agent code (System.exit)"),
                Arguments.of("Runtime.getRuntime().halt(0);", "java.lang.Runtime is not allowed"),
                Arguments.of(
                        "Class.forName(\"java.lang.Runtime\");",
                        "java.lang.Class is not allowed in agent code (reflection and class loading)"),
                Arguments.of("String.class.getDeclaredMethods();", "java.lang.Class is not allowed"),
                Arguments.of(
                        "\"x\".getClass();", "java.lang.Object.getClass is not allowed in agent code (reflection)"),
                Arguments.of(
                        "java.lang.reflect.Method m = null;",
                        "java.lang.reflect.Method is not allowed in agent code (reflection)"),
                Arguments.of(
                        "java.lang.invoke.MethodHandles.lookup();", "java.lang.invoke.MethodHandles is not allowed"),
                Arguments.of(
                        "ClassLoader.getSystemClassLoader();",
                        "java.lang.ClassLoader is not allowed in agent code (class loading)"),
                Arguments.of(
                        "new Thread(() -> {}).start();",
                        "java.lang.Thread is not allowed in agent code (threads of its own)"),
                Arguments.of("Thread.ofVirtual().start(() -> {});", "java.lang.Thread is not allowed"),
                Arguments.of(
                        "java.util.concurrent.Executors.newFixedThreadPool(2);",
                        "java.util.concurrent.Executors is not allowed in agent code (threads of its own)"),
                Arguments.of(
                        "java.util.concurrent.CompletableFuture.runAsync(() -> {});",
                        "java.util.concurrent.CompletableFuture is not allowed"),
                Arguments.of(
                        "java.util.List.of(1, 2).parallelStream().count();",
                        "java.util.Collection.parallelStream is not allowed in agent code (threads of its own)"),
                Arguments.of(
                        "java.util.stream.IntStream.range(0, 9).parallel().sum();",
                        "parallel is not allowed in agent code (threads of its own)"),
                Arguments.of(
                        "java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\"));",
                        "java.nio.file.Files is not allowed in agent code (file access outside the workspace API)"),
                Arguments.of(
                        "new java.io.File(\"/etc/passwd\").delete();",
                        "java.io.File is not allowed in agent code (file access outside the workspace API)"),
                Arguments.of("new java.io.FileWriter(\"/tmp/x\").close();", "java.io.FileWriter is not allowed"),
                Arguments.of(
                        "new java.net.Socket(\"example.com\", 80).close();",
                        "java.net.Socket is not allowed in agent code (raw sockets and HTTP outside the SDK)"),
                Arguments.of("java.net.http.HttpClient.newHttpClient();", "java.net.http.HttpClient is not allowed"),
                Arguments.of(
                        "java.net.URI.create(\"http://169.254.169.254\").toURL().openStream();",
                        "java.net.URI is not allowed"),
                Arguments.of(
                        "System.loadLibrary(\"evil\");",
                        "java.lang.System.loadLibrary is not allowed in agent code (native code)"),
                Arguments.of("System.getenv(\"OPENAI_API_KEY\");", "java.lang.System.getenv is not allowed"),
                Arguments.of("System.getProperty(\"user.home\");", "java.lang.System.getProperty is not allowed"),
                Arguments.of(
                        "var loader = Thread.currentThread().getContextClassLoader();",
                        "java.lang.Thread is not allowed"),
                Arguments.of(
                        "java.util.function.Supplier<Runtime> s = Runtime::getRuntime;",
                        "java.lang.Runtime is not allowed"),
                Arguments.of(
                        "java.util.function.IntConsumer exit = System::exit;", "java.lang.System.exit is not allowed"),
                Arguments.of("Runnable r = () -> System.exit(0);", "java.lang.System.exit is not allowed"),
                Arguments.of(
                        "new Object() { void f() throws Exception { Runtime.getRuntime().exec(\"x\"); } };",
                        "java.lang.Runtime is not allowed"),
                Arguments.of("class Worker extends Thread {}", "java.lang.Thread is not allowed"),
                Arguments.of(
                        "Integer.getInteger(\"secret\");",
                        "java.lang.Integer.getInteger is not allowed in agent code (system properties)"),
                Arguments.of("new java.util.Timer().schedule(null, 1L);", "java.util.Timer is not allowed"),
                Arguments.of("java.util.ServiceLoader.load(Runnable.class);", "java.util.ServiceLoader is not allowed"),
                Arguments.of(
                        "java.lang.foreign.Arena.ofConfined();",
                        "java.lang.foreign.Arena is not allowed in agent code (native code)"),
                Arguments.of("this.wait();", "java.lang.Object.wait is not allowed"),
                Arguments.of(
                        "new com.fasterxml.jackson.databind.ObjectMapper();",
                        "com.fasterxml.jackson.databind.ObjectMapper is not allowed"),
                Arguments.of(
                        "javax.script.ScriptEngineManager m = null;",
                        "javax.script.ScriptEngineManager is not allowed in agent code (dynamic code)"),
                Arguments.of(
                        "java.util.Arrays.parallelSort(new int[] {2, 1});",
                        "java.util.Arrays.parallelSort is not allowed"),
                Arguments.of(
                        "io.langop.sdk.agent.Workspace.use(null);",
                        "io.langop.sdk.agent.Workspace.use is not allowed in agent code (runtime internals)"),
                Arguments.of(
                        "new io.langop.sdk.agent.AgentRunner(null, null, null, null, null);",
                        "io.langop.sdk.agent.AgentRunner is not allowed in agent code (runtime internals)"));
    }

    @ParameterizedTest
    @MethodSource("hostileBodies")
    void refusesHostileCodeNamingTheApiWithLineAndColumn(String body, String expectedMessage) {
        CheckResult result = CHECKER.check(agentWith("", "", body));

        assertThat(result.passed()).isFalse();
        assertThat(result.classes()).isEmpty();
        assertThat(result.diagnostics())
                .filteredOn(diagnostic -> diagnostic.message().contains(expectedMessage))
                .isNotEmpty()
                .allSatisfy(diagnostic -> {
                    assertThat(diagnostic.origin()).isEqualTo(Diagnostic.Origin.POLICY);
                    assertThat(diagnostic.line()).isEqualTo(7);
                    assertThat(diagnostic.column()).isGreaterThanOrEqualTo(9);
                });
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

    @Test
    void aStaticImportDoesNotHideSystemExit() {
        CheckResult result = CHECKER.check(agentWith("import static java.lang.System.exit;", "", "exit(3);"));

        assertThat(result.diagnostics())
                .extracting(Diagnostic::line, Diagnostic::message)
                .contains(org.assertj.core.groups.Tuple.tuple(
                        7L, "java.lang.System.exit is not allowed in agent code (System.exit)"));
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
    void refusesNativeMethods() {
        CheckResult result = CHECKER.check(agentWith("", "public native void evil();", "int unused = 0;"));

        assertThat(result.diagnostics())
                .extracting(Diagnostic::line, Diagnostic::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        5L, "native method evil is not allowed in agent code (native code)"));
    }

    @Test
    void refusesFinalizers() {
        CheckResult result = CHECKER.check(agentWith("", "protected void finalize() { }", "int unused = 0;"));

        assertThat(result.diagnostics()).extracting(Diagnostic::line).containsExactly(5L);
        assertThat(result.diagnostics().getFirst().message()).startsWith("finalize() is not allowed in agent code");
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
