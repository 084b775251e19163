package io.langop.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.langop.it.harness.LocalCluster;
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
  static final LocalCluster cluster = new LocalCluster();

  @Test
  void aModelThatIsDownFallsBackToTheNextModel() throws Exception {
    try (ScriptedOpenAiServer backup = new ScriptedOpenAiServer()) {
      backup.thenText(HEADLINE);
      cluster.createNamespace(NAMESPACE);
      cluster.createConfigMap(NAMESPACE, "report-code", Map.of("Agent.java", LocalCluster.resource("agents/ReportAgent.java")));
      cluster.applyResource("scenarios/model-fallback.yaml", Map.of(
          "NAMESPACE", NAMESPACE, "LLM_URL", backup.baseUrl(), "DOWN_URL", "http://127.0.0.1:" + closedPort() + "/v1"));

      await("cron job created").atMost(Duration.ofSeconds(30)).until(() -> cluster.client().batch().v1().cronjobs()
          .inNamespace(NAMESPACE).withName("report-agent").get() != null);
      String jobName = cluster.triggerCronJob(NAMESPACE, "report-agent");
      await("job finished").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
          .until(() -> conditionType(jobName) != null);

      assertThat(conditionType(jobName)).as("job %s", jobName).isEqualTo("Complete");
      assertThat(backup.requests()).singleElement()
          .satisfies(request -> assertThat(request.path("model").asText()).isEqualTo("backup-model"));
      Path reports = cluster.claimDir(NAMESPACE, "report-workspace").resolve("reports");
      try (var files = Files.list(reports)) {
        assertThat(files.toList()).singleElement().satisfies(report -> assertThat(Files.readString(report)).contains(HEADLINE));
      }
    }
  }

  /** A loopback port nothing listens on: connections to it are refused. */
  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Complete or Failed once the Job finished, else null. */
  private static String conditionType(String jobName) {
    Job job = cluster.client().batch().v1().jobs().inNamespace(NAMESPACE).withName(jobName).get();
    if (job == null || job.getStatus() == null || job.getStatus().getConditions() == null) {
      return null;
    }
    return job.getStatus().getConditions().stream()
        .filter(c -> (c.getType().equals("Complete") || c.getType().equals("Failed")) && "True".equals(c.getStatus()))
        .map(c -> c.getType()).findFirst().orElse(null);
  }
}
