package io.langop.tool.email.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.langop.server.metrics.MeterRegistries;
import io.langop.tool.email.GreenMailServers;
import io.langop.tool.email.connection.MailSettings;
import io.langop.wire.AgentTriggers;
import io.langop.wire.MailTriggers;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail triggers against GreenMail's IMAP server and a stand-in agent webhook on loopback: each new message is one
 * signed CloudEvent, with IDLE and with polling; a restarted watcher repeats and loses nothing, and neither does a
 * replacement with no files of its predecessor (the record is in the mailbox); two replicas post one event id per
 * message; filters, 429.
 */
class MailTriggerWatcherTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final GreenMailExtension greenMail = GreenMailServers.start(ServerSetupTest.SMTP, ServerSetupTest.IMAP);

    @TempDir
    Path state;

    @TempDir
    Path secrets;

    /** The state directory of a second process: a replacement pod, or another replica. */
    @TempDir
    Path otherState;

    private final PrometheusMeterRegistry meters = MeterRegistries.prometheus();
    private AgentWebhookStandIn agent;
    private MailTriggerWatcher watcher;

    @BeforeEach
    void emptyMailbox() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
        agent = new AgentWebhookStandIn();
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
        agent.close();
    }

    @Test
    void newMailIsOneSignedCloudEventAtOnceWithIdle() throws Exception {
        // a poll every hour and IDLE renewed every 15 s: only IDLE can report the message within the wait below
        watcher = start(Map.of("MAIL_WATCH_POLL_SECONDS", "3600", "IMAP_TIMEOUT_SECONDS", "30"), null, null);
        awaitWatching();

        deliver(withAttachment(mail("ann@shop.example", "Order 42 is late", "Where is my teapot?")));

        await().atMost(Duration.ofSeconds(5)).until(() -> agent.requests().size() == 1);
        AgentWebhookStandIn.Request request = agent.requests().getFirst();
        assertThat(request.headers()).containsEntry("content-type", "application/cloudevents+json");
        String timestamp = request.headers().get(AgentTriggers.TIMESTAMP_HEADER.toLowerCase(java.util.Locale.ROOT));
        assertThat(Math.abs(Long.parseLong(timestamp) - Instant.now().getEpochSecond()))
                .isLessThan(60);
        assertThat(request.headers())
                .containsEntry(
                        AgentTriggers.SIGNATURE_HEADER.toLowerCase(java.util.Locale.ROOT),
                        hmac(timestamp + "." + request.body()));
        JsonNode event = JSON.readTree(request.body());
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("type").asText()).isEqualTo(MailTriggers.EVENT_TYPE);
        assertThat(event.path("id").asText()).matches("INBOX:\\d+:\\d+");
        assertThat(event.path("source").asText()).startsWith("imap://127.0.0.1:");
        JsonNode data = event.path("data");
        assertThat(data.path("from").asText()).isEqualTo("ann@shop.example");
        assertThat(data.path("to").asText()).isEqualTo(GreenMailServers.ADDRESS);
        assertThat(data.path("subject").asText()).isEqualTo("Order 42 is late");
        assertThat(data.path("body").asText()).isEqualTo("Where is my teapot?");
        assertThat(data.path("attachments").get(0).asText()).isEqualTo("invoice.pdf");
        assertThat(request.body()).as("attachments are listed, not inlined").doesNotContain("JVBERi0");
        assertThat(data.path("messageId").asText()).startsWith("<");
        Thread.sleep(500);
        assertThat(agent.requests()).as("one message, one event").hasSize(1);
    }

    @Test
    void pollingFindsNewMailWhenIdleIsOff() throws Exception {
        watcher = start(Map.of("MAIL_WATCH", "poll", "MAIL_WATCH_POLL_SECONDS", "1"), null, null);
        awaitWatching();

        deliver(mail("bob@shop.example", "Refund", "Please refund order 7."));

        await().atMost(Duration.ofSeconds(10)).until(() -> agent.requests().size() == 1);
        assertThat(subjects()).containsExactly("Refund");
    }

    @Test
    void aRestartedWatcherNeitherRepeatsNorLosesMail() throws Exception {
        watcher = start(Map.of(), null, null);
        awaitWatching();
        deliver(mail("ann@shop.example", "First", "1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.requests().size() == 1);
        watcher.close();

        deliver(mail("ann@shop.example", "While stopped", "2"));
        watcher = start(Map.of(), null, null);
        deliver(mail("ann@shop.example", "After the restart", "3"));

        await().atMost(Duration.ofSeconds(10)).until(() -> agent.requests().size() >= 3);
        Thread.sleep(500);
        assertThat(subjects()).containsExactly("First", "While stopped", "After the restart");
    }

    @Test
    void aNewWatcherCatchesUpOnRecentMailButNotOnOlderMail() throws Exception {
        appendToInbox(
                mail("ann@shop.example", "An hour ago", "0"), Instant.now().minus(Duration.ofHours(1)));
        deliver(mail("ann@shop.example", "Before the pod", "1"));

        watcher = start(Map.of("MAIL_WATCH_CATCH_UP_SECONDS", "600"), null, null);

        await().atMost(Duration.ofSeconds(10)).until(() -> agent.requests().size() == 1);
        assertThat(subjects()).containsExactly("Before the pod");
    }

    @Test
    void aReplacementToolWithNoFilesOfItsPredecessorDeliversOnceWhatCameWhileNoToolRan() throws Exception {
        watcher = start(Map.of("MAIL_WATCH_CATCH_UP_SECONDS", "600"), null, null);
        awaitWatching();
        deliver(mail("ann@shop.example", "Before the replacement", "1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.requests().size() == 1);
        watcher.close();
        // an hour without a tool: older than the catch-up window that a tool without any record starts from
        appendToInbox(
                mail("ann@shop.example", "While no tool ran", "2"),
                Instant.now().minus(Duration.ofHours(1)));

        watcher = start(
                Map.of("MAIL_WATCH_CATCH_UP_SECONDS", "600", "MAIL_WATCH_STATE_DIR", otherState.toString()),
                null,
                null);

        await().atMost(Duration.ofSeconds(10)).until(() -> agent.requests().size() >= 2);
        awaitWatching();
        assertThat(subjects()).containsExactly("Before the replacement", "While no tool ran");
        assertThat(inboxFlags())
                .as("each delivered message carries the trigger's mark and is still unread")
                .hasSize(2)
                .allSatisfy(flags -> {
                    assertThat(flags.getUserFlags()).singleElement().asString().startsWith(DeliveredMark.PREFIX);
                    assertThat(flags.contains(jakarta.mail.Flags.Flag.SEEN)).isFalse();
                });
    }

    @Test
    void twoReplicasOnOneInboxPostEveryMessageUnderOneEventIdAtMostOnceEach() throws Exception {
        watcher = start(Map.of(), null, null);
        try (MailTriggerWatcher replica = start(Map.of("MAIL_WATCH_STATE_DIR", otherState.toString()), null, null)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> watcher.waiting() && replica.waiting());
            Thread.sleep(200);

            deliver(mail("ann@shop.example", "One", "1"));
            deliver(mail("ann@shop.example", "Two", "2"));

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> agent.requests().size() >= 2 && watcher.waiting() && replica.waiting());
            Map<String, List<String>> idsBySubject = new java.util.TreeMap<>();
            for (AgentWebhookStandIn.Request request : agent.requests()) {
                JsonNode event = JSON.readTree(request.body());
                idsBySubject
                        .computeIfAbsent(
                                event.path("data").path("subject").asText(), subject -> new java.util.ArrayList<>())
                        .add(event.path("id").asText());
            }
            // a replica posts what the other has not marked by then: both post a message they see at the same moment,
            // and the agent runs its event id once (MailTriggerIT runs two replicas of the tool against an agent)
            assertThat(idsBySubject).containsOnlyKeys("One", "Two");
            assertThat(idsBySubject.values())
                    .allSatisfy(ids -> assertThat(ids).hasSizeBetween(1, 2).containsOnly(ids.getFirst()));
        }
    }

    @Test
    void aReplicaDoesNotPostAMessageThatAnotherMarkedWhileItWaitedForTheAgent() throws Exception {
        deliver(mail("ann@shop.example", "First", "1"));
        deliver(mail("ann@shop.example", "Second", "2"));
        java.util.concurrent.CountDownLatch answerFirst = agent.holdNext();
        watcher = start(Map.of("MAIL_WATCH_CATCH_UP_SECONDS", "600"), null, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.requests().size() == 1);

        // while the agent holds the first replica's post of "First", a second one delivers and marks both messages
        try (MailTriggerWatcher replica = start(
                Map.of("MAIL_WATCH_CATCH_UP_SECONDS", "600", "MAIL_WATCH_STATE_DIR", otherState.toString()),
                null,
                null)) {
            await().atMost(Duration.ofSeconds(10)).until(replica::waiting);
            answerFirst.countDown();
            await().atMost(Duration.ofSeconds(10)).until(watcher::waiting);
        }

        assertThat(subjects())
                .as("the first replica posts \"Second\" only if nobody marked it by then")
                .containsExactly("First", "First", "Second");
    }

    @Test
    void onlyMailFromTheSenderWithTheSubjectAsked() throws Exception {
        watcher = start(Map.of(), "@shop.example", "ORDER");
        awaitWatching();

        deliver(mail("spam@elsewhere.example", "Order now!", "x"));
        deliver(mail("ann@shop.example", "Hello", "x"));
        deliver(mail("Ann <ann@shop.example>", "Your order 9", "x"));

        await().atMost(Duration.ofSeconds(10)).until(() -> agent.requests().size() == 1);
        Thread.sleep(500);
        assertThat(subjects()).containsExactly("Your order 9");
    }

    @Test
    void mailWaitsForASecretThatIsMountedLater() throws Exception {
        watcher = start(Map.of(), null, null);
        java.nio.file.Files.delete(secrets.resolve("0"));
        awaitWatching();

        deliver(mail("ann@shop.example", "Early", "x"));
        Thread.sleep(1_500);
        assertThat(agent.requests()).as("nothing is sent unsigned").isEmpty();
        java.nio.file.Files.writeString(secrets.resolve("0"), SECRET);

        await().atMost(Duration.ofSeconds(10)).until(() -> agent.requests().size() == 1);
        assertThat(subjects()).containsExactly("Early");
    }

    @Test
    void aBusyAgentIsAskedAgainAfterItsRetryAfter() throws Exception {
        agent.answerNext(429, Map.of("Retry-After", "1"));
        watcher = start(Map.of(), null, null);
        awaitWatching();

        deliver(mail("ann@shop.example", "Queued", "x"));

        await().atMost(Duration.ofSeconds(10)).until(() -> agent.requests().size() == 2);
        assertThat(agent.requests().get(0).body())
                .isEqualTo(agent.requests().get(1).body());
        Thread.sleep(500);
        assertThat(agent.requests()).as("delivered once accepted").hasSize(2);
        assertThat(meters.scrape())
                .as("what the tool's /metrics serves")
                .contains("langop_trigger_deliveries_total{outcome=\"delivered\",trigger_type=\"mail\"} 1.0")
                .contains("langop_trigger_delivery_retries_total{reason=\"throttled\",trigger_type=\"mail\"} 1.0");
    }

    private MailTriggerWatcher start(Map<String, String> extra, String from, String subject) throws Exception {
        Map<String, String> env = GreenMailServers.toolEnv(greenMail);
        String triggers = JSON.writeValueAsString(new MailTriggers(
                List.of(new MailTriggers.Subscription("shop/triage", agent.endpoint(), "0", null, from, subject))));
        env.put(MailTriggers.SECRETS_DIR_ENV, secrets.toString());
        env.put(MailTriggers.ENV, triggers);
        java.nio.file.Files.writeString(secrets.resolve("0"), SECRET);
        env.put("MAIL_WATCH_STATE_DIR", state.toString());
        env.put("MAIL_WATCH_CATCH_UP_SECONDS", "0");
        // IDLE renewed every 2 s: mail that came just before an IDLE is not left for the default 15 s
        env.put("IMAP_TIMEOUT_SECONDS", "4");
        env.putAll(extra);
        MailSettings settings = new MailSettings(env);
        return MailTriggerWatcher.start(
                settings.imap(), MailTriggerSettings.from(settings), Clock.systemUTC(), settings::mask, meters);
    }

    /**
     * The watch has delivered what there was and waits. GreenMail reports to an IDLE only the mail that comes during
     * it; mail between the watch's last look and its IDLE waits for the IDLE's renewal (half the IMAP timeout).
     */
    private void awaitWatching() throws InterruptedException {
        await().atMost(Duration.ofSeconds(10)).until(watcher::waiting);
        Thread.sleep(200);
    }

    private List<String> subjects() throws Exception {
        List<String> subjects = new java.util.ArrayList<>();
        for (AgentWebhookStandIn.Request request : agent.requests()) {
            subjects.add(
                    JSON.readTree(request.body()).path("data").path("subject").asText());
        }
        return subjects;
    }

    private static MimeMessage mail(String from, String subject, String body) throws Exception {
        MimeMessage message = new MimeMessage(SESSION);
        message.setFrom(new InternetAddress(from));
        message.setRecipients(MimeMessage.RecipientType.TO, GreenMailServers.ADDRESS);
        message.setSubject(subject);
        message.setText(body);
        message.saveChanges();
        return message;
    }

    private static MimeMessage withAttachment(MimeMessage message) throws Exception {
        MimeBodyPart text = new MimeBodyPart();
        text.setText((String) message.getContent());
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setContent("%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII), "application/pdf");
        pdf.setFileName("invoice.pdf");
        message.setContent(new MimeMultipart(text, pdf));
        message.saveChanges();
        return message;
    }

    private static void appendToInbox(MimeMessage message, Instant received) throws Exception {
        inbox().appendMessage(message, new jakarta.mail.Flags(), java.util.Date.from(received));
    }

    private static List<jakarta.mail.Flags> inboxFlags() throws Exception {
        return inbox().getMessages().stream()
                .map(com.icegreen.greenmail.store.StoredMessage::getFlags)
                .toList();
    }

    private static com.icegreen.greenmail.store.MailFolder inbox() throws Exception {
        return greenMail
                .getManagers()
                .getImapHostManager()
                .getInbox(greenMail.getUserManager().getUser(GreenMailServers.USER));
    }

    private static void deliver(MimeMessage message) {
        greenMail.getUserManager().getUser(GreenMailServers.USER).deliver(message);
    }

    private static String hmac(String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
