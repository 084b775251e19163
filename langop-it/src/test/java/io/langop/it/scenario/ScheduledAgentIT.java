package io.langop.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.langop.it.harness.LocalClusterExtension;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A scheduled agent becomes a CronJob; one tick runs one Job whose pod runs the agent once through
 * the model proxy, writes the day's report into the workspace and exits, and the Job completes.
 */
class ScheduledAgentIT {

    private static final String NAMESPACE = "reports";
    private static final String HEADLINE = "Platform team: all clusters upgraded, no incidents overnight.";

    @RegisterExtension
    static final LocalClusterExtension cluster = new LocalClusterExtension();

    @Test
    void aTickRunsOneJobToCompletionAndFilesTheReport() throws Exception {
        try (ScriptedOpenAiServer llm = new ScriptedOpenAiServer()) {
            llm.thenText(HEADLINE);
            cluster.createNamespace(NAMESPACE);
            cluster.createAgentCode(NAMESPACE, "report-code", "agents/ReportAgent.java");
            Map<String, String> values = Map.of("NAMESPACE", NAMESPACE, "LLM_URL", llm.baseUrl());
            cluster.applyResource("scenarios/scripted-model.yaml", values);
            cluster.applyResource("scenarios/scheduled-agent.yaml", values);

            Job job = cluster.runCronJobOnce(NAMESPACE, "report-agent");
            assertThat(cronJob().getSpec().getSchedule()).isEqualTo("0 9 * * 1-5");
            assertThat(LocalClusterExtension.outcome(job))
                    .as("job %s", job.getMetadata().getName())
                    .isEqualTo("Complete");
            assertThat(job.getStatus().getSucceeded()).isEqualTo(1);

            Path reports = cluster.claimDir(NAMESPACE, "report-workspace").resolve("reports");
            try (var files = Files.list(reports)) {
                assertThat(files.toList()).singleElement().satisfies(report -> {
                    assertThat(report.getFileName().toString())
                            .as("reports/{date}.md")
                            .matches("\\d{4}-\\d{2}-\\d{2}\\.md");
                    assertThat(Files.readString(report)).contains(HEADLINE);
                });
            }
            assertThat(llm.requests()).as("one run, one model call").hasSize(1);
            assertThat(llm.requests().getFirst().path("model").asText()).isEqualTo("scripted-model");

            // the CronJob's controller records the finished Job after the Job itself
            await("cron job status").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                CronJob cronJob = cronJob();
                assertThat(cronJob.getStatus().getLastSuccessfulTime()).isNotNull();
                assertThat(cronJob.getStatus().getActive()).isEmpty();
            });
        }
    }

    private static CronJob cronJob() {
        return cluster.client()
                .batch()
                .v1()
                .cronjobs()
                .inNamespace(NAMESPACE)
                .withName("report-agent")
                .get();
    }
}
