package io.langop.tool.email.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.langop.tool.email.GreenMailServers;
import io.langop.tool.email.InvalidParameterException;
import io.langop.tool.email.StartTlsRelay;
import io.langop.tool.email.connection.MailSettings;
import jakarta.activation.DataHandler;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ImapMailboxTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = GreenMailServers.start(ServerSetupTest.IMAP, ServerSetupTest.IMAPS);

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T06:00:00Z"), ZoneOffset.UTC);
    private static final Session SESSION = Session.getInstance(new Properties());

    @BeforeEach
    void emptyMailboxes() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
    }

    @Test
    void listsNewestFirstWithStableIdsSenderSubjectDateAndReadState() throws Exception {
        deliver(text("alice@example.com", "Oldest", "one"), "2026-11-20T08:00:00Z", false);
        deliver(text("bob@example.com", "Newest", "three"), "2026-11-25T08:00:00Z", false);
        deliver(text("carol@example.com", "Middle", "two"), "2026-11-22T08:00:00Z", true);

        List<MessageSummary> messages = mailbox().list(query("INBOX", false, null, 10));

        assertThat(messages).extracting(MessageSummary::subject).containsExactly("Newest", "Middle", "Oldest");
        MessageSummary newest = messages.getFirst();
        assertThat(newest.from()).isEqualTo("bob@example.com");
        assertThat(newest.received()).isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
        assertThat(newest.unread()).isTrue();
        assertThat(messages.get(1).unread()).isFalse();
        assertThat(newest.id().folder()).isEqualTo("INBOX");
        assertThat(MessageId.parse("id", newest.id().toString())).isEqualTo(newest.id());
    }

    @Test
    void limitKeepsTheNewestMessages() throws Exception {
        for (int day = 10; day < 20; day++) {
            deliver(text("a@example.com", "Day " + day, "x"), "2026-11-" + day + "T12:00:00Z", false);
        }

        assertThat(mailbox().list(query("INBOX", false, null, 3)))
                .extracting(MessageSummary::subject)
                .containsExactly("Day 19", "Day 18", "Day 17");
        assertThat(mailbox().list(query("INBOX", true, null, 2)))
                .extracting(MessageSummary::subject)
                .containsExactly("Day 19", "Day 18");
    }

    @Test
    void filtersUnreadAndSinceToTheExactInstant() throws Exception {
        deliver(text("a@example.com", "Before", "x"), "2026-11-24T23:59:59Z", false);
        deliver(text("a@example.com", "Read after", "x"), "2026-11-25T09:00:00Z", true);
        deliver(text("a@example.com", "Unread after", "x"), "2026-11-25T10:00:00Z", false);

        assertThat(mailbox().list(query("INBOX", false, "2026-11-25", 10)))
                .extracting(MessageSummary::subject)
                .containsExactly("Unread after", "Read after");
        assertThat(mailbox().list(query("INBOX", true, "2026-11-25", 10)))
                .extracting(MessageSummary::subject)
                .containsExactly("Unread after");
        assertThat(mailbox().list(query("INBOX", true, null, 10)))
                .extracting(MessageSummary::subject)
                .containsExactly("Unread after", "Before");
        assertThat(mailbox().list(query("INBOX", false, "PT20H", 10)))
                .extracting(MessageSummary::subject)
                .containsExactly("Unread after");
    }

    @Test
    void listingDoesNotMarkAnythingAsRead() throws Exception {
        deliver(text("a@example.com", "Still unread", "x"), "2026-11-25T10:00:00Z", false);

        mailbox().list(query("INBOX", false, null, 10));

        assertThat(mailbox().list(query("INBOX", true, null, 10))).hasSize(1);
    }

    @Test
    void readsThePlainAlternativeListsAttachmentsAndMarksTheMessageRead() throws Exception {
        MimeMessage message = new MimeMessage(SESSION);
        message.setFrom(new InternetAddress("Alice <alice@example.com>"));
        message.setRecipients(MimeMessage.RecipientType.TO, "agent@example.com");
        message.setRecipients(MimeMessage.RecipientType.CC, "boss@example.com");
        message.setSubject("Quarterly report");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(part("Numbers are up.\nSee attachment.", "text/plain; charset=UTF-8"));
        alternative.addBodyPart(part("<p>Numbers are <b>up</b>.</p>", "text/html; charset=UTF-8"));
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[] {1, 2, 3}, "application/pdf")));
        attachment.setFileName("report.pdf");
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        mixed.addBodyPart(attachment);
        message.setContent(mixed);
        message.saveChanges();
        deliver(message, "2026-11-25T10:00:00Z", false);
        MessageId id =
                mailbox().list(query("INBOX", false, null, 10)).getFirst().id();

        MessageContent content = mailbox().read(id);

        assertThat(content.from()).isEqualTo("Alice <alice@example.com>");
        assertThat(content.to()).isEqualTo("agent@example.com");
        assertThat(content.cc()).isEqualTo("boss@example.com");
        assertThat(content.subject()).isEqualTo("Quarterly report");
        assertThat(content.body()).isEqualTo("Numbers are up.\nSee attachment.");
        assertThat(content.attachments()).containsExactly("report.pdf");
        assertThat(mailbox().list(query("INBOX", true, null, 10))).isEmpty();
    }

    @Test
    void messagesAnotherClientMarkedDeletedAreNeitherListedNorExpunged() throws Exception {
        deliver(text("a@example.com", "To read", "x"), "2026-11-25T10:00:00Z", false);
        MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(user());
        inbox.appendMessage(
                text("a@example.com", "Marked deleted", "y"),
                new Flags(Flags.Flag.DELETED),
                Date.from(Instant.parse("2026-11-24T10:00:00Z")));
        List<MessageSummary> listed = mailbox().list(query("INBOX", false, null, 10));
        assertThat(listed).extracting(MessageSummary::subject).containsExactly("To read");

        mailbox().read(listed.getFirst().id());

        assertThat(inbox.getMessageCount()).isEqualTo(2);
    }

    @Test
    void turnsAnHtmlOnlyMessageIntoReadableLines() throws Exception {
        MimeMessage message = text("news@example.com", "Newsletter", null);
        message.setContent(
                "<html><head><style>p{color:red}</style></head><body><h1>Title</h1>"
                        + "<p>First paragraph.</p><p>Second<br>line</p><script>alert(1)</script></body></html>",
                "text/html; charset=UTF-8");
        message.saveChanges();
        deliver(message, "2026-11-25T10:00:00Z", false);
        MessageId id = mailbox().list(query("INBOX", false, null, 1)).getFirst().id();

        assertThat(mailbox().read(id).body()).isEqualTo("Title\nFirst paragraph.\nSecond\nline");
    }

    @Test
    void aCharsetJavaDoesNotKnowIsReadAsUtf8InsteadOfFailing() throws Exception {
        String raw = """
                From: odd@example.com\r
                To: agent@example.com\r
                Subject: Odd charset\r
                MIME-Version: 1.0\r
                Content-Type: text/plain; charset=x-unknown-42\r
                Content-Transfer-Encoding: 8bit\r
                \r
                Grüße aus Köln\r
                """;
        deliver(
                new MimeMessage(SESSION, new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))),
                "2026-11-25T10:00:00Z",
                false);
        MessageId id = mailbox().list(query("INBOX", false, null, 1)).getFirst().id();

        assertThat(mailbox().read(id).body()).isEqualTo("Grüße aus Köln");
    }

    @Test
    void unknownFolderNamesTheFoldersThatExist() throws Exception {
        greenMail.getManagers().getImapHostManager().createMailbox(user(), "Reports");

        assertThatThrownBy(() -> mailbox().list(query("Archive", false, null, 10)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Invalid parameter 'folder': no folder named 'Archive' (folders: INBOX, Reports)");
    }

    @Test
    void aDeletedOrForeignIdIsAClearErrorNotAnotherMessage() throws Exception {
        deliver(text("a@example.com", "Only", "x"), "2026-11-25T10:00:00Z", false);
        MessageId id = mailbox().list(query("INBOX", false, null, 1)).getFirst().id();

        assertThatThrownBy(() -> mailbox().read(new MessageId("INBOX", id.uidValidity(), id.uid() + 100)))
                .hasMessageStartingWith("Invalid parameter 'id': no message INBOX:");
        assertThatThrownBy(() -> mailbox().read(new MessageId("INBOX", id.uidValidity() + 1, id.uid())))
                .hasMessageContaining("was rebuilt since this id was listed");
    }

    @Test
    void readsOverImplicitTls() throws Exception {
        deliver(text("a@example.com", "Secure", "x"), "2026-11-25T10:00:00Z", false);
        var env = new HashMap<>(imapEnv(greenMail.getImaps().getPort()));
        env.put("IMAP_TLS", "implicit");
        env.put("IMAP_TLS_TRUST", "127.0.0.1");

        assertThat(new ImapMailbox(new MailSettings(env).imap()).list(query("INBOX", false, null, 5)))
                .extracting(MessageSummary::subject)
                .containsExactly("Secure");
    }

    @Test
    void readsOverStartTlsAndLogsInOnlyAfterTheUpgrade() throws Exception {
        deliver(text("a@example.com", "Upgraded", "x"), "2026-11-25T10:00:00Z", false);
        try (var relay = new StartTlsRelay(
                StartTlsRelay.Protocol.IMAP, greenMail.getImap().getPort())) {
            var env = new HashMap<>(imapEnv(relay.port()));
            env.put("IMAP_TLS", "starttls");
            env.put("IMAP_TLS_TRUST", "127.0.0.1");

            assertThat(new ImapMailbox(new MailSettings(env).imap()).list(query("INBOX", false, null, 5)))
                    .extracting(MessageSummary::subject)
                    .containsExactly("Upgraded");
            assertThat(relay.upgraded()).isTrue();
            assertThat(relay.clearTextCommands()).last().asString().endsWith(" STARTTLS");
            assertThat(relay.clearTextCommands())
                    .allSatisfy(command -> assertThat(command).matches("\\S+ (CAPABILITY|STARTTLS)"));
        }
    }

    @Test
    void refusesToLogInInClearTextWhenStartTlsIsNotOffered() throws Exception {
        var env = new HashMap<>(imapEnv(greenMail.getImap().getPort()));
        env.put("IMAP_TLS", "starttls");

        assertThatThrownBy(() -> new ImapMailbox(new MailSettings(env).imap()).list(query("INBOX", false, null, 5)))
                .isInstanceOf(jakarta.mail.MessagingException.class)
                .hasMessageContaining("STARTTLS");
    }

    @Test
    void aWrongPasswordIsRefused() {
        var env = new HashMap<>(imapEnv(greenMail.getImap().getPort()));
        env.put("IMAP_PASSWORD", "wrong");

        assertThatThrownBy(() -> new ImapMailbox(new MailSettings(env).imap()).list(query("INBOX", false, null, 5)))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    static Map<String, String> imapEnv(int port) {
        return Map.of(
                "IMAP_HOST",
                "127.0.0.1",
                "IMAP_PORT",
                Integer.toString(port),
                "IMAP_TLS",
                "false",
                "IMAP_USER",
                GreenMailServers.USER,
                "IMAP_PASSWORD",
                GreenMailServers.PASSWORD);
    }

    private static ImapMailbox mailbox() throws Exception {
        return new ImapMailbox(new MailSettings(imapEnv(greenMail.getImap().getPort())).imap());
    }

    private static InboxQuery query(String folder, boolean unreadOnly, String since, int limit) {
        return InboxQuery.of(folder, unreadOnly, since, limit, CLOCK);
    }

    private static MimeMessage text(String from, String subject, String body) throws Exception {
        MimeMessage message = new MimeMessage(SESSION);
        message.setFrom(new InternetAddress(from));
        message.setRecipients(MimeMessage.RecipientType.TO, GreenMailServers.ADDRESS);
        message.setSubject(subject);
        if (body != null) {
            message.setText(body);
        }
        message.saveChanges();
        return message;
    }

    private static MimeBodyPart part(String content, String type) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(content, type);
        return part;
    }

    private static com.icegreen.greenmail.user.GreenMailUser user() {
        return greenMail.getUserManager().getUser(GreenMailServers.USER);
    }

    /** Stores the message with the given arrival time, as a mail server would on delivery. */
    private static void deliver(MimeMessage message, String receivedAt, boolean seen) throws Exception {
        ImapHostManager imap = greenMail.getManagers().getImapHostManager();
        MailFolder inbox = imap.getInbox(user());
        inbox.appendMessage(
                message, seen ? new Flags(Flags.Flag.SEEN) : new Flags(), Date.from(Instant.parse(receivedAt)));
    }
}
