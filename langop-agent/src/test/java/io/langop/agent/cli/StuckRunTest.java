package io.langop.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.agent.runtime.ExitStatus;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.wire.AgentEnv;
import io.langop.wire.ServiceWire;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real agent processes in the long-running modes whose custom step spins past the run's timeout and
 * ignores the interrupt: the process ends with {@link ExitStatus#RUN_STUCK} after the grace period, so
 * that its controller restarts it, instead of idling or serving on with a thread spinning a CPU.
 */
class StuckRunTest {

    /** Spins until the process ends: the loop never waits, so the interrupt goes unnoticed. */
    private static final String SPINNING_AGENT = """
            import io.langop.sdk.agent.*;
            import java.time.Duration;
            public class Agent implements LangopAgent {
                public AgentDefinition define() {
                    return AgentDefinition.builder("spinner").objective("count").mode(ExecutionMode.%s)
                            .workflow(w -> w.step("count", s -> s.custom(r -> {
                                long turns = 0;
                                while (turns >= 0) {
                                    turns = (turns + 1) %% 1000;
                                }
                                return turns;
                            })))
                            .constraints(c -> c.timeout(Duration.ofSeconds(1)))
                            .build();
                }
            }
            """;

    @TempDir
    Path dir;

    private ScriptedOpenAiServer llm;

    @BeforeEach
    void startModel() throws Exception {
        llm = new ScriptedOpenAiServer();
    }

    @AfterEach
    void stopModel() {
        llm.close();
    }

    @Test
    void anAutonomousAgentWhoseRunIsStuckExitsWithStatus5InsteadOfIdling() throws Exception {
        // AGENT_IDLE_WHEN_DONE is left at its pod default: an agent whose work ended idles until stopped
        try (var agent = AgentProcess.start(environment("AUTONOMOUS", 0), dir.resolve("agent.log"), "run")) {

            assertThat(agent.exitStatusWithin(60)).isEqualTo(ExitStatus.RUN_STUCK.code());
            assertThat(agent.log())
                    .contains("Run stuck: it overstayed its time limit of PT1S and did not stop within PT1S of being"
                            + " interrupted")
                    .doesNotContain("idling until stopped");
        }
    }

    @Test
    void anEventDrivenAgentWhoseRunIsStuckExitsWithStatus5() throws Exception {
        int port = freePort();
        try (var agent = AgentProcess.start(environment("EVENT_DRIVEN", port), dir.resolve("agent.log"), "run")) {
            URI webhook = URI.create("http://127.0.0.1:" + port + "/webhook");
            int accepted = 0;
            for (long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    accepted == 0 && System.nanoTime() < deadline; ) {
                accepted = post(webhook); // 0 while the agent is still starting
            }
            assertThat(accepted).isEqualTo(202);

            assertThat(agent.exitStatusWithin(60)).isEqualTo(ExitStatus.RUN_STUCK.code());
            assertThat(agent.log())
                    .contains("Run stuck: it overstayed its time limit of PT1S")
                    .contains("Ending the process with exit status 5 so that it is started again: the run overstayed");
        }
    }

    private Map<String, String> environment(String mode, int port) throws Exception {
        Path source = dir.resolve("Agent.java");
        Files.writeString(source, SPINNING_AGENT.formatted(mode));
        Map<String, String> environment = new HashMap<>();
        environment.put(AgentEnv.AGENT_CODE_PATH, source.toString());
        environment.put(AgentEnv.MODEL_ENDPOINTS, llm.rootUrl());
        environment.put(AgentEnv.WORKSPACE_PATH, dir.toString());
        environment.put(AgentEnv.AGENT_STOP_GRACE, "1");
        environment.put(AgentEnv.AGENT_CYCLE_PAUSE, "0");
        environment.put(ServiceWire.PORT_ENV, Integer.toString(port));
        return environment;
    }

    private static int post(URI webhook) throws InterruptedException {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(webhook)
                                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException notListeningYet) {
            Thread.sleep(200);
            return 0;
        }
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
