package io.langop.tool.email.inbox;

import io.langop.tool.email.InvalidParameterException;
import io.langop.tool.email.connection.MailServer;
import jakarta.mail.Address;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.ReceivedDateTerm;
import jakarta.mail.search.SearchTerm;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads one IMAP account; each call opens its own short connection, so nothing goes stale between agent runs. */
public final class ImapMailbox {

    private final MailServer server;

    public ImapMailbox(MailServer server) {
        this.server = server;
    }

    /** Newest messages first, without marking anything as read. */
    public List<MessageSummary> list(InboxQuery query) throws MessagingException {
        return inFolder(query.folder(), Folder.READ_ONLY, folder -> {
            Message[] candidates = search(folder, query);
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            profile.add(FetchProfile.Item.FLAGS);
            profile.add(UIDFolder.FetchProfileItem.UID);
            folder.fetch(candidates, profile);
            long uidValidity = ((UIDFolder) folder).getUIDValidity();
            List<MessageSummary> summaries = new ArrayList<>();
            for (Message message : candidates) {
                Instant received = received(message);
                // IMAP SINCE compares whole days in the server's time zone; the exact cut is made here. Messages
                // marked deleted are on their way out: listing them would invite reading what is already gone.
                boolean wanted = query.since().isEmpty()
                        || !received.isBefore(query.since().get());
                if (wanted && !message.isSet(Flags.Flag.DELETED)) {
                    summaries.add(new MessageSummary(
                            new MessageId(folder.getFullName(), uidValidity, ((UIDFolder) folder).getUID(message)),
                            addresses(message.getFrom()),
                            Optional.ofNullable(message.getSubject()).orElse(""),
                            received,
                            !message.isSet(Flags.Flag.SEEN)));
                }
            }
            return summaries.stream()
                    .sorted(Comparator.comparing(MessageSummary::received)
                            .thenComparing(summary -> summary.id().uid())
                            .reversed())
                    .limit(query.limit())
                    .toList();
        });
    }

    /** The whole message; like opening it in a mail client, this marks it as read. */
    public MessageContent read(MessageId id) throws MessagingException {
        return inFolder(id.folder(), Folder.READ_WRITE, folder -> {
            UIDFolder uids = (UIDFolder) folder;
            if (uids.getUIDValidity() != id.uidValidity()) {
                throw new InvalidParameterException(
                        "id",
                        "folder '" + id.folder() + "' was rebuilt since this id was listed; call list_emails again");
            }
            Message message = uids.getMessageByUID(id.uid());
            if (message == null || message.isExpunged()) {
                throw new InvalidParameterException("id", "no message " + id + " (it may have been deleted)");
            }
            MessageContent content = content(id, message);
            message.setFlag(Flags.Flag.SEEN, true);
            return content;
        });
    }

    /**
     * What {@code read_email} shows of a message: headers, readable text and attachment names. Reading the content of
     * a message in a folder opened read-write marks it as read.
     */
    public static MessageContent content(MessageId id, Message message) throws MessagingException {
        MessageText text;
        try {
            text = MessageText.of(message);
        } catch (IOException e) {
            throw new MessagingException("cannot decode the message: " + e.getMessage(), e);
        }
        return new MessageContent(
                id,
                addresses(message.getFrom()),
                addresses(message.getRecipients(Message.RecipientType.TO)),
                addresses(message.getRecipients(Message.RecipientType.CC)),
                Optional.ofNullable(message.getSubject()).orElse(""),
                received(message),
                text.body(),
                text.attachments());
    }

    /** Connects, opens the folder, runs {@code work}, and closes both whatever happens. */
    private <T> T inFolder(String name, int mode, FolderWork<T> work) throws MessagingException {
        try (Store store = server.newSession().getStore(server.protocol().javaMailName())) {
            store.connect(server.host(), server.port(), server.user(), server.password());
            Folder folder = store.getFolder(name);
            if (!folder.exists()) {
                String known = Arrays.stream(store.getDefaultFolder().list("*"))
                        .map(Folder::getFullName)
                        .sorted()
                        .collect(Collectors.joining(", "));
                throw new InvalidParameterException(
                        "folder", "no folder named '" + name + "' (folders: " + known + ")");
            }
            folder.open(mode);
            try {
                return work.apply(folder);
            } finally {
                // Not Folder.close(): it expunges, which would erase messages another client only marked deleted.
                folder.close(false);
            }
        }
    }

    @FunctionalInterface
    private interface FolderWork<T> {
        T apply(Folder folder) throws MessagingException;
    }

    private static Message[] search(Folder folder, InboxQuery query) throws MessagingException {
        List<SearchTerm> terms = new ArrayList<>();
        if (query.unreadOnly()) {
            terms.add(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        }
        // One day of slack, because IMAP compares dates in the server's zone; list() trims to the exact instant.
        query.since()
                .ifPresent(since ->
                        terms.add(new ReceivedDateTerm(ComparisonTerm.GE, Date.from(since.minus(Duration.ofDays(1))))));
        if (terms.isEmpty()) {
            // Without filters only the newest messages can make the list: don't fetch a whole mailbox.
            int count = folder.getMessageCount();
            return count == 0 ? new Message[0] : folder.getMessages(Math.max(1, count - query.limit() + 1), count);
        }
        return folder.search(terms.size() == 1 ? terms.getFirst() : new AndTerm(terms.toArray(SearchTerm[]::new)));
    }

    /** When the server received the message, else when it was sent, else the epoch. */
    public static Instant received(Message message) throws MessagingException {
        Date date = Optional.ofNullable(message.getReceivedDate()).orElse(message.getSentDate());
        return date == null ? Instant.EPOCH : date.toInstant();
    }

    /** Addresses comma-separated, names in Unicode: {@code "Ann" <ann@x.org>, bob@y.org}. */
    public static String addresses(Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        return Arrays.stream(addresses)
                .map(address ->
                        address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString())
                .collect(Collectors.joining(", "));
    }
}
