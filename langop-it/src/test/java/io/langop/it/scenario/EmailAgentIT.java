package io.langop.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.langop.it.harness.LocalClusterExtension;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A scheduled agent with the email tool as a sidecar whose SMTP login comes from a Secret: one tick
 * writes a digest through the model proxy and mails it through the tool to a real SMTP server, and
 * the password appears in no log.
 */
class EmailAgentIT {

    private static final String NAMESPACE = "mail";
    private static final String SMTP_USER = "digest-bot";
    private static final String SMTP_PASSWORD = "Pa55-from-the-Secret";
    private static final String DIGEST = "Two clusters upgraded overnight. No incidents.";

    @RegisterExtension
    static final LocalClusterExtension cluster = new LocalClusterExtension();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
                    ServerSetup.createCopy(new ServerSetup[] {ServerSetupTest.SMTP}, ServerSetup::dynamicPort))
            .withConfiguration(
                    GreenMailConfiguration.aConfig().withUser("digest@example.com", SMTP_USER, SMTP_PASSWORD))
            .withPerMethodLifecycle(false);

    @Test
    void aTickMailsTheDigestWithTheLoginFromTheSecret() throws Exception {
        try (ScriptedOpenAiServer llm = new ScriptedOpenAiServer()) {
            llm.thenText(DIGEST);
            cluster.createNamespace(NAMESPACE);
            cluster.createAgentCode(NAMESPACE, "mailer-code", "agents/MailerAgent.java");
            cluster.applyResource(
                    "scenarios/scripted-model.yaml", Map.of("NAMESPACE", NAMESPACE, "LLM_URL", llm.baseUrl()));
            cluster.applyResource(
                    "scenarios/email-agent.yaml",
                    Map.of(
                            "NAMESPACE",
                            NAMESPACE,
                            "SMTP_PORT",
                            Integer.toString(smtp.getSmtp().getPort()),
                            "SMTP_USER",
                            SMTP_USER,
                            "SMTP_PASSWORD",
                            SMTP_PASSWORD));

            Job job = cluster.runCronJobOnce(NAMESPACE, "mailer-agent");
            assertThat(LocalClusterExtension.outcome(job))
                    .as("job %s", job.getMetadata().getName())
                    .isEqualTo("Complete");
            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getSubject()).isEqualTo("Morning digest");
            assertThat(received[0].getFrom()[0].toString()).isEqualTo("digest@example.com");
            assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("platform-team@example.com");
            assertThat(GreenMailUtil.getBody(received[0])).contains(DIGEST);
            assertThat(cluster.podLogs()).as("no log shows the SMTP password").doesNotContain(SMTP_PASSWORD);
        }
    }
}
