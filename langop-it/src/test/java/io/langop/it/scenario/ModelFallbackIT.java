package io.langop.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.langop.it.harness.LocalClusterExtension;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The agent's model endpoint refuses connections; the model proxy the operator configured from the
 * LanguageModel's {@code fallbacks} answers with the next model, and the agent's run succeeds.
 */
class ModelFallbackIT {

    private static final String NAMESPACE = "fallback";
    private static final String HEADLINE = "Answered by the backup model.";

    @RegisterExtension
    static final LocalClusterExtension cluster = new LocalClusterExtension();

    @Test
    void aModelThatIsDownFallsBackToTheNextModel() throws Exception {
        try (ScriptedOpenAiServer backup = new ScriptedOpenAiServer()) {
            backup.thenText(HEADLINE);
            cluster.createNamespace(NAMESPACE);
            cluster.createAgentCode(NAMESPACE, "report-code", "agents/ReportAgent.java");
            // the fallback first, so the primary's proxy starts with it in its configuration instead of
            // picking it up on a later reload while the agent already calls it
            cluster.applyResource(
                    "scenarios/backup-model.yaml", Map.of("NAMESPACE", NAMESPACE, "LLM_URL", backup.baseUrl()));
            await("backup model's proxy configured")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> cluster.client()
                                    .configMaps()
                                    .inNamespace(NAMESPACE)
                                    .withName("backup-model")
                                    .get()
                            != null);
            cluster.applyResource(
                    "scenarios/model-fallback.yaml",
                    Map.of("NAMESPACE", NAMESPACE, "DOWN_URL", "http://127.0.0.1:" + closedPort() + "/v1"));

            Job job = cluster.runCronJobOnce(NAMESPACE, "report-agent");
            assertThat(LocalClusterExtension.outcome(job))
                    .as("job %s", job.getMetadata().getName())
                    .isEqualTo("Complete");
            assertThat(backup.requests())
                    .singleElement()
                    .satisfies(request ->
                            assertThat(request.path("model").asText()).isEqualTo("backup-model"));
            Path reports = cluster.claimDir(NAMESPACE, "report-workspace").resolve("reports");
            try (var files = Files.list(reports)) {
                assertThat(files.toList())
                        .singleElement()
                        .satisfies(
                                report -> assertThat(Files.readString(report)).contains(HEADLINE));
            }
        }
    }

    /** A loopback port nothing listens on: connections to it are refused. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
