package io.langop.local.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.langop.tool.email.connection.MailProtocol;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The mail server of {@code langop local}: SMTP and IMAP on loopback ports, without TLS, accepting any login,
 * and one mailbox that catches every message whoever it is addressed to — so what an agent mails stays on this
 * machine, can be read back by every email tool ({@code list_emails}, {@code read_email}) and by you, and is
 * also written as an {@code .eml} file per message.
 */
public final class LocalMailbox implements AutoCloseable {

    /** The one mailbox's login (and password): what every email tool reads with. */
    public static final String LOGIN = "mailbox";

    private static final String ADDRESS = "mailbox@langop.local";

    /** One message as it arrived. */
    public record Mail(String from, List<String> to, String subject, Path file) {}

    /** Hears each message once, after its file is written. */
    @FunctionalInterface
    public interface Listener {
        void received(Mail mail);
    }

    private final GreenMail server;
    private final Path dir;
    private final Listener listener;
    private final AtomicInteger count = new AtomicInteger();

    private LocalMailbox(GreenMail server, Path dir, Listener listener) {
        this.server = server;
        this.dir = dir;
        this.listener = listener;
    }

    /** Starts SMTP and IMAP on free loopback ports; each message goes to {@code dir} as a file and to {@code listener}. */
    public static LocalMailbox start(Path dir, Listener listener) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail server = new GreenMail(new ServerSetup[] {
                    new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
                })
                .withConfiguration(GreenMailConfiguration.aConfig()
                        .withUser(ADDRESS, LOGIN, LOGIN)
                        // agents log in with whatever their LanguageTool's Secret says
                        .withDisabledAuthentication());
        LocalMailbox mailbox = new LocalMailbox(server, dir, listener);
        server.start();
        GreenMailUser catchAll = server.getUserManager().getUser(LOGIN);
        server.getUserManager().setMessageDeliveryHandler(mailbox.new CatchAll(catchAll));
        return mailbox;
    }

    public int smtpPort() {
        return server.getSmtp().getPort();
    }

    public int imapPort() {
        return server.getImap().getPort();
    }

    /** Where each message is written, {@code 001-<subject>.eml} and so on. */
    public Path dir() {
        return dir;
    }

    /**
     * The environment of an email tool container with this server in place of the SMTP and IMAP servers it names:
     * plain connections to the loopback ports, and the mailbox's login for reading. The SMTP login it names is
     * kept (any is accepted), and so are its sender and recipient policy.
     */
    public Map<String, String> toolEnvironment(Map<String, String> configured) {
        Map<String, String> env = new LinkedHashMap<>(configured);
        for (MailProtocol protocol : MailProtocol.values()) {
            String prefix = protocol.envPrefix() + "_";
            env.put(prefix + "HOST", "127.0.0.1");
            env.put(prefix + "PORT", Integer.toString(protocol == MailProtocol.SMTP ? smtpPort() : imapPort()));
            env.put(prefix + "TLS", "false");
        }
        env.put(MailProtocol.IMAP.envPrefix() + "_USER", LOGIN);
        env.put(MailProtocol.IMAP.envPrefix() + "_PASSWORD", LOGIN);
        return env;
    }

    /** The messages in the mailbox, oldest first. */
    public List<MimeMessage> messages() {
        return Arrays.asList(server.getReceivedMessages());
    }

    /**
     * Every message of an SMTP transaction reaches the one mailbox once: GreenMail asks for a user per envelope
     * recipient, and all but the first get a stand-in that keeps nothing.
     */
    private final class CatchAll implements com.icegreen.greenmail.user.MessageDeliveryHandler {
        private final GreenMailUser mailbox;
        private final GreenMailUser alreadyDelivered;
        private MovingMessage last;

        CatchAll(GreenMailUser mailbox) {
            this.mailbox = mailbox;
            this.alreadyDelivered = new AlreadyDelivered(mailbox);
        }

        @Override
        public synchronized GreenMailUser handle(MovingMessage message, MailAddress recipient)
                throws MessagingException {
            if (message == last) {
                return alreadyDelivered;
            }
            last = message;
            received(message.getMessage());
            return mailbox;
        }
    }

    private void received(MimeMessage message) throws MessagingException {
        String subject = Objects.requireNonNullElse(message.getSubject(), "");
        Path file = dir.resolve(String.format(Locale.ROOT, "%03d-%s.eml", count.incrementAndGet(), slug(subject)));
        try (OutputStream out = Files.newOutputStream(file)) {
            message.writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("cannot write " + file + ": " + e.getMessage(), e);
        }
        List<String> to = new ArrayList<>(addresses(message.getRecipients(Message.RecipientType.TO)));
        to.addAll(addresses(message.getRecipients(Message.RecipientType.CC)));
        listener.received(new Mail(String.join(", ", addresses(message.getFrom())), to, subject, file));
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null
                ? List.of()
                : Arrays.stream(addresses).map(Address::toString).toList();
    }

    /** A file name part from a subject: lower case letters and digits, dashes between words, at most 40 characters. */
    static String slug(String subject) {
        String slug =
                subject.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        slug = slug.length() > 40 ? slug.substring(0, 40).replaceAll("-$", "") : slug;
        return slug.isEmpty() ? "mail" : slug;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** The mailbox as GreenMail sees it, but a second delivery of the same message keeps nothing. */
    private record AlreadyDelivered(GreenMailUser mailbox) implements GreenMailUser {
        @Override
        public void deliver(MovingMessage message) {
            // the first recipient's delivery stored it
        }

        @Override
        public void deliver(MimeMessage message) {
            // the first recipient's delivery stored it
        }

        @Override
        public String getEmail() {
            return mailbox.getEmail();
        }

        @Override
        public String getLogin() {
            return mailbox.getLogin();
        }

        @Override
        public void create() {
            mailbox.create();
        }

        @Override
        public void delete() {
            mailbox.delete();
        }

        @Override
        public String getPassword() {
            return mailbox.getPassword();
        }

        @Override
        public void setPassword(String password) {
            mailbox.setPassword(password);
        }

        @Override
        public void authenticate(String password) throws UserException {
            mailbox.authenticate(password);
        }

        @Override
        public String getQualifiedMailboxName() {
            return mailbox.getQualifiedMailboxName();
        }
    }
}
