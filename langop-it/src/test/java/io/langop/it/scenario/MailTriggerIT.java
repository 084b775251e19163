package io.langop.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.langop.api.v1alpha1.agent.AgentPhase;
import io.langop.it.harness.LocalClusterExtension;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.wire.MailTriggers;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A mail trigger end to end: the operator tells the email tool (service mode, IMAP login from a Secret) to post the
 * support mailbox's new messages to the event-driven agent, signed with the secret it generated; a message arriving in
 * GreenMail starts a run whose event carries its subject and sender, and one the agent's condition refuses starts none.
 * The tool runs two replicas, both watching the mailbox, each with its own {@code /tmp} (where it keeps its cursors, as
 * in a cluster): a message is run once, whether the second replica skips it (marked delivered by the first) or posts it
 * too (the agent drops the event id it has).
 */
class MailTriggerIT {

    private static final String NAMESPACE = "mail-trigger";
    private static final String USER = "support";
    private static final String PASSWORD = "imap-Pa55-from-the-Secret";
    private static final String ADDRESS = "support@shop.example";

    /**
     * A tool replica's log line for a message it posted, or skipped as posted by the other, or for the start of its
     * watch after the UID the mailbox's marks name (after a reconnect, it goes on past what the other posted meanwhile).
     */
    private static final Pattern PASSED_BY_A_REPLICA = Pattern.compile("Delivered "
            + Pattern.quote(MailTriggers.EVENT_TYPE)
            + " INBOX:\\d+:(?<posted>\\d+) to |Mail event INBOX:\\d+:(?<skipped>\\d+) for .* delivered by another replica"
            + "|watching .* delivered after UID (?<after>\\d+)");
    /** A replica's first line of its watch, naming the file it keeps its cursor in. */
    private static final Pattern CURSOR_FILE = Pattern.compile("watching .* recorded in keyword \\S+ and (\\S+)");
    /** The poster's line for a post the agent accepted to run (202), not held back or known (200). */
    private static final Pattern ACCEPTED = Pattern.compile("Delivered " + Pattern.quote(MailTriggers.EVENT_TYPE)
            + " INBOX:\\d+:(\\d+) to agent " + NAMESPACE + "/triage .*: 202");

    @RegisterExtension
    static final LocalClusterExtension cluster = new LocalClusterExtension();

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(
                    ServerSetup.createCopy(new ServerSetup[] {ServerSetupTest.IMAP}, ServerSetup::dynamicPort))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(ADDRESS, USER, PASSWORD))
            .withPerMethodLifecycle(false);

    @Test
    void aMailArrivingInTheMailboxStartsARunWithItsSubjectAndSenderUnlessTheConditionRefusesIt() throws Exception {
        try (ScriptedOpenAiServer llm = new ScriptedOpenAiServer()) {
            llm.otherwise(new ScriptedOpenAiServer.Text("triaged", 5, 1));
            cluster.createNamespace(NAMESPACE);
            cluster.createAgentCode(NAMESPACE, "triage-code", "agents/TriageAgent.java");
            cluster.applyResource(
                    "scenarios/scripted-model.yaml", Map.of("NAMESPACE", NAMESPACE, "LLM_URL", llm.baseUrl()));
            cluster.applyResource(
                    "scenarios/mail-agent.yaml",
                    Map.of(
                            "NAMESPACE",
                            NAMESPACE,
                            "IMAP_PORT",
                            Integer.toString(mail.getImap().getPort()),
                            "IMAP_USER",
                            USER,
                            "IMAP_PASSWORD",
                            PASSWORD));
            await("agent running")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> cluster.agentPhase(NAMESPACE, "triage") == AgentPhase.RUNNING);

            // in arrival order: the tool posts the second message once the agent has answered the first
            deliver("ann@shop.example", "Lunch on Friday?");
            deliver("Ann <ann@shop.example>", "Order 42 is late");

            await("run of the order's mail")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> !llm.firstMessages().isEmpty());
            await("both replicas of the tool through with both messages")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(250))
                    .until(MailTriggerIT::bothReplicasPastTheOrder);
            assertThat(CURSOR_FILE
                            .matcher(cluster.podLogs())
                            .results()
                            .map(found -> found.group(1))
                            .distinct())
                    .as("each replica keeps its cursor in its own /tmp (sharing one file, a replica's save failed"
                            + " on the file another moved, and it skipped the message without a word)")
                    .hasSize(2);
            assertThat(ACCEPTED.matcher(cluster.podLogs()).results().count())
                    .as("the agent accepted one event (the other answers: condition false, delivered before)")
                    .isEqualTo(1);
            assertThat(llm.firstMessages())
                    .singleElement()
                    .asString()
                    .matches("user: Triage mail INBOX:\\d+:\\d+ of Ann <ann@shop\\.example>: Order 42 is late");
            assertThat(cluster.podLogs())
                    .as("no log shows the IMAP password or a message's text")
                    .doesNotContain(PASSWORD)
                    .doesNotContain("Lunch on Friday");
        }
    }

    /**
     * Whether each of the tool's two replicas is past the order's message (and so past the one before it): it posted it,
     * skipped it as posted by the other, or started watching after it.
     */
    private static boolean bothReplicasPastTheOrder() {
        String logs = cluster.podLogs();
        Optional<Long> order = ACCEPTED.matcher(logs)
                .results()
                .map(accepted -> Long.parseLong(accepted.group(1)))
                .findFirst();
        List<String> replicas = Arrays.stream(logs.split("\n----- "))
                .filter(log -> log.startsWith(NAMESPACE + "/inbox-tool-") && log.contains("/tool.log"))
                .toList();
        return order.isPresent()
                && replicas.size() == 2
                && replicas.stream()
                        .allMatch(log -> PASSED_BY_A_REPLICA
                                .matcher(log)
                                .results()
                                .anyMatch(line -> uidOf(line) >= order.get()));
    }

    private static long uidOf(MatchResult line) {
        for (String group : List.of("posted", "skipped", "after")) {
            if (line.group(group) != null) {
                return Long.parseLong(line.group(group));
            }
        }
        throw new IllegalArgumentException(line.group());
    }

    private static void deliver(String from, String subject) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipients(MimeMessage.RecipientType.TO, ADDRESS);
        message.setSubject(subject);
        message.setText("Sent by " + MailTriggerIT.class.getSimpleName());
        message.saveChanges();
        mail.getUserManager().getUser(USER).deliver(message);
    }
}
