package io.langop.agent.runtime;

import io.langop.kit.check.CodeChecker;

/**
 * The code checker of this process, warmed up while the command line is still being parsed.
 *
 * <p>The agent's source must be compiled and checked before anything else can run, and the first
 * compilation in a fresh JVM pays for initializing javac (its symbol table, the JDK's module image,
 * the classpath jars, code the JIT has not compiled yet). So {@link #warmUpInBackground()} checks a
 * small built-in agent with the same checker on another thread while picocli (which the AOT cache
 * cannot hold: its classes are Java 5 bytecode) reads the command line. The agent's own source is then
 * compiled and checked in full, by a compiler that is already warm. With a single CPU the warm-up
 * would only add work, so it is skipped there.
 */
public final class RuntimeChecker {

    private static final String WARM_UP_AGENT = """
            import io.langop.sdk.agent.AgentDefinition;
            import io.langop.sdk.agent.LangopAgent;
            import io.langop.sdk.workflow.StepResults;
            import java.time.Duration;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.Map;

            public class Agent implements LangopAgent {
                @Override
                public AgentDefinition define() {
                    return AgentDefinition.builder("warm-up")
                            .persona("You check that the compiler is ready.")
                            .objectives("Compile", "Check")
                            .workflow(w -> w
                                    .step("ask", s -> s.prompt("Say hello in " + List.of("one", "two").size() + " words"))
                                    .step("count", s -> s.custom(this::count).dependsOn("ask")))
                            .constraints(c -> c.maxIterations(3).timeout(Duration.ofMinutes(1)))
                            .build();
                }

                private Map<String, Object> count(StepResults results) {
                    List<String> words = new ArrayList<>();
                    for (String word : results.text("ask").split(" ")) {
                        words.add(word.strip());
                    }
                    return Map.of("words", words.size());
                }
            }
            """;

    private static CodeChecker checker;

    private RuntimeChecker() {}

    public static synchronized CodeChecker get() {
        if (checker == null) {
            checker = CodeChecker.forRuntimeClasspath();
        }
        return checker;
    }

    /** Starts checking the built-in agent on a daemon thread, when there is a CPU to spare for it. */
    public static void warmUpInBackground() {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return;
        }
        Thread.ofPlatform().daemon().name("checker-warm-up").start(() -> {
            try {
                get().check(WARM_UP_AGENT);
            } catch (RuntimeException | LinkageError ignored) {
                // the agent's own check reports whatever is wrong with the compiler; nothing is lost here
            }
        });
    }

    /** For tests: the agent the warm-up checks. */
    static String warmUpAgent() {
        return WARM_UP_AGENT;
    }
}
