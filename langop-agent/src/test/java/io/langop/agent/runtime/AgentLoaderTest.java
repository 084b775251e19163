package io.langop.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentLoaderTest {

    @TempDir
    Path dir;

    @Test
    void aStaticInitializerThatDoesNotReturnIsReportedInsteadOfHangingTheCaller() throws Exception {
        // spins for 3 s (then ends, so that this JVM gets its CPU back): far beyond the bound of 300 ms
        Path source = dir.resolve("Agent.java");
        Files.writeString(source, """
                import io.langop.sdk.agent.*;
                public class Agent implements LangopAgent {
                    static final long SPUN;
                    static {
                        long start = System.nanoTime();
                        long turns = 0;
                        while (System.nanoTime() - start < 3_000_000_000L) {
                            turns++;
                        }
                        SPUN = turns;
                    }
                    public AgentDefinition define() {
                        return AgentDefinition.builder("spinner").objective("x " + SPUN).build();
                    }
                }
                """);
        var loader = new AgentLoader(RuntimeChecker.get(), Duration.ofMillis(300));
        var checked = loader.check(source);
        long start = System.nanoTime();

        assertThatThrownBy(() -> loader.define(checked))
                .isInstanceOf(InvalidAgentException.class)
                .hasMessage("agent definition is invalid: Agent.define() (with its static initializers) did not return"
                        + " within 300 ms; it should only describe the agent");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
}
