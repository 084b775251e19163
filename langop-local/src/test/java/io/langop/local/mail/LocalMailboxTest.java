package io.langop.local.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.kit.tool.Tool;
import io.langop.kit.tool.ToolResult;
import io.langop.tool.email.EmailTools;
import io.langop.tool.email.connection.MailSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local mailbox as the real email tools use it: what one sends lands once, is told, saved and read back. */
class LocalMailboxTest {

    /** What an example's email tool names: a real server, with a login from a Secret. */
    private static final Map<String, String> CONFIGURED = Map.of(
            "SMTP_HOST", "smtp.example.com",
            "SMTP_PORT", "587",
            "SMTP_FROM", "digest@example.com",
            "SMTP_USER", "digest-bot",
            "SMTP_PASSWORD", "from-the-secret",
            "SMTP_ALLOWED_RECIPIENTS", "example.com");

    @Test
    void mailSentByAnEmailToolLandsOnceIsToldSavedAndReadBack(@TempDir Path dir) throws Exception {
        List<LocalMailbox.Mail> told = new CopyOnWriteArrayList<>();
        try (LocalMailbox mailbox = LocalMailbox.start(dir, told::add)) {
            Map<String, String> env = mailbox.toolEnvironment(CONFIGURED);

            ToolResult sent = call(
                    env,
                    "send_email",
                    Map.of(
                            "to", "platform-team@example.com",
                            "cc", "security@example.com",
                            "subject", "Kubernetes security digest",
                            "body", "CVE-2099-0001 is fixed in 1.99.1."));

            assertThat(sent.error()).as(sent.text()).isFalse();
            assertThat(told).singleElement().satisfies(mail -> {
                assertThat(mail.from()).isEqualTo("digest@example.com");
                assertThat(mail.to()).containsExactly("platform-team@example.com", "security@example.com");
                assertThat(mail.subject()).isEqualTo("Kubernetes security digest");
                assertThat(mail.file()).hasFileName("001-kubernetes-security-digest.eml");
                assertThat(Files.readString(mail.file())).contains("CVE-2099-0001 is fixed in 1.99.1.");
            });
            assertThat(mailbox.messages()).as("one copy for two recipients").hasSize(1);

            ToolResult listed = call(env, "list_emails", Map.of());
            assertThat(listed.error()).as(listed.text()).isFalse();
            assertThat(listed.text()).contains("Kubernetes security digest").contains("digest@example.com");
            Matcher id = Pattern.compile("INBOX:\\d+:\\d+").matcher(listed.text());
            assertThat(id.find()).as(listed.text()).isTrue();
            ToolResult read = call(env, "read_email", Map.of("id", id.group()));
            assertThat(read.text()).contains("CVE-2099-0001 is fixed in 1.99.1.");
        }
    }

    @Test
    void theToolKeepsItsSenderLoginAndRecipientPolicyButNotItsServers(@TempDir Path dir) {
        try (LocalMailbox mailbox = LocalMailbox.start(dir, mail -> {})) {
            Map<String, String> env = mailbox.toolEnvironment(CONFIGURED);

            assertThat(env)
                    .containsEntry("SMTP_HOST", "127.0.0.1")
                    .containsEntry("SMTP_PORT", Integer.toString(mailbox.smtpPort()))
                    .containsEntry("SMTP_TLS", "false")
                    .containsEntry("IMAP_HOST", "127.0.0.1")
                    .containsEntry("IMAP_PORT", Integer.toString(mailbox.imapPort()))
                    .containsEntry("IMAP_USER", LocalMailbox.LOGIN)
                    .containsEntry("SMTP_FROM", "digest@example.com")
                    .containsEntry("SMTP_USER", "digest-bot")
                    .containsEntry("SMTP_ALLOWED_RECIPIENTS", "example.com");
            ToolResult refused =
                    call(env, "send_email", Map.of("to", "someone@elsewhere.org", "subject", "hi", "body", "hello"));
            assertThat(refused.error()).isTrue();
            assertThat(mailbox.messages()).isEmpty();
        }
    }

    @Test
    void aSubjectBecomesAShortFileName() {
        assertThat(LocalMailbox.slug("Re: [URGENT] CVE-2099-0001 — patch now!"))
                .isEqualTo("re-urgent-cve-2099-0001-patch-now");
        assertThat(LocalMailbox.slug("")).isEqualTo("mail");
        assertThat(LocalMailbox.slug("x".repeat(50))).hasSize(40);
    }

    private static ToolResult handle(Tool tool, Tool.Binding.Bound bound) {
        try {
            return tool.handler().handle(bound.arguments());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ToolResult call(Map<String, String> env, String name, Map<String, Object> arguments) {
        Tool tool = new EmailTools(new MailSettings(env), Clock.systemUTC())
                .all().stream()
                        .filter(candidate -> candidate.name().equals(name))
                        .findFirst()
                        .orElseThrow();
        return switch (tool.bind(arguments)) {
            case Tool.Binding.Bound bound -> handle(tool, bound);
            case Tool.Binding.Rejected rejected -> throw new AssertionError(rejected.message());
        };
    }
}
