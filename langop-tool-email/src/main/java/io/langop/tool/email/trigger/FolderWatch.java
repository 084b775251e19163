package io.langop.tool.email.trigger;

import io.langop.sdk.retry.Backoff;
import io.langop.tool.email.connection.MailServer;
import io.langop.tool.email.inbox.ImapMailbox;
import io.langop.tool.email.inbox.MessageContent;
import io.langop.tool.email.inbox.MessageId;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One trigger's folder: delivers each message that arrives there, in UID order, and notes it in the trigger's
 * {@link DeliveryRecord} once the agent has it, so that a restarted or replacing tool neither repeats nor skips mail.
 * Messages are read without marking them as read (the folder is open read-write only to keep the record). It waits
 * for new mail with IMAP IDLE when the server offers it and {@link MailTriggerSettings#idle} is on, else it polls; a
 * lost connection is made again after a growing pause.
 */
final class FolderWatch implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(FolderWatch.class);
    /** Connections lost or refused: 1 s doubling to 1 min before the next. */
    static final Backoff RECONNECT = new Backoff(Integer.MAX_VALUE, Duration.ofSeconds(1), Duration.ofMinutes(1));

    private final MailServer server;
    private final Subscriber subscriber;
    private final MailTriggerSettings settings;
    private final DeliveryRecord record;
    private final EventDelivery delivery;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final UnaryOperator<String> mask;
    private volatile boolean stopped;
    private volatile IMAPFolder open;
    private volatile boolean waiting;
    private int failures;

    /**
     * @param timer ends each IDLE before the connection's read timeout would, so that a quiet folder costs no reconnect
     * @param mask hides the mail passwords in a server's error text
     */
    FolderWatch(
            MailServer server,
            Subscriber subscriber,
            MailTriggerSettings settings,
            EventDelivery delivery,
            ScheduledExecutorService timer,
            Clock clock,
            UnaryOperator<String> mask) {
        this.server = server;
        this.subscriber = subscriber;
        this.settings = settings;
        this.record = new DeliveryRecord(subscriber, new CursorFile(settings.stateDirectory(), subscriber));
        this.delivery = delivery;
        this.timer = timer;
        this.clock = clock;
        this.mask = mask;
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                watch();
            } catch (MessagingException | IOException failure) {
                if (stopped) {
                    return;
                }
                failures++;
                Duration pause = RECONNECT.delayAfter(failures);
                LOG.warn(
                        "Mail trigger of {}: {}; connecting again in {} ms",
                        subscriber,
                        mask.apply(String.valueOf(failure.getMessage())),
                        pause.toMillis());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException stopping) {
                    return;
                }
            } catch (InterruptedException stopping) {
                return;
            }
        }
    }

    /** Whether the watch has delivered what there was and waits for new mail. */
    boolean waiting() {
        return waiting;
    }

    /** Stops watching; a delivery under way is abandoned (its message is delivered again by the next watch). */
    void stop() {
        stopped = true;
        Optional.ofNullable(open).ifPresent(FolderWatch::wake);
    }

    private void watch() throws MessagingException, IOException, InterruptedException {
        try (IMAPStore store =
                (IMAPStore) server.newSession().getStore(server.protocol().javaMailName())) {
            store.connect(server.host(), server.port(), server.user(), server.password());
            IMAPFolder folder = (IMAPFolder) store.getFolder(subscriber.folder());
            if (!folder.exists()) {
                throw new MessagingException("no folder named '" + subscriber.folder() + "'");
            }
            folder.open(Folder.READ_WRITE);
            open = folder;
            try {
                failures = 0;
                String recordKept = record.open(folder);
                DeliveryCursor cursor = cursor(folder);
                boolean idle = settings.idle() && store.hasCapability("IDLE");
                LOG.info(
                        "Mail trigger of {}: watching {}:{} with {}, delivered after UID {}, recorded in {}",
                        subscriber,
                        server.host(),
                        server.port(),
                        idle
                                ? "IMAP IDLE"
                                : "polling every " + settings.pollInterval().toSeconds() + " s",
                        cursor.lastUid(),
                        recordKept);
                while (!stopped) {
                    DeliveryCursor before;
                    do {
                        // again until nothing is new: a server may report mail that came meanwhile to no IDLE
                        before = cursor;
                        cursor = deliverNew(folder, cursor);
                    } while (!cursor.equals(before) && !stopped);
                    if (stopped) {
                        return;
                    }
                    waiting = true;
                    try {
                        if (idle) {
                            idle(folder);
                        } else {
                            Thread.sleep(settings.pollInterval());
                        }
                    } finally {
                        waiting = false;
                    }
                }
            } finally {
                open = null;
                if (folder.isOpen()) {
                    folder.close(false);
                }
            }
        }
    }

    /** The recorded cursor of this incarnation of the folder, else one just before the catch-up window. */
    private DeliveryCursor cursor(IMAPFolder folder) throws MessagingException, IOException {
        Optional<DeliveryCursor> recorded = record.load(folder);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        LOG.info(
                "Mail trigger of {}: no record of delivery in this folder; starting with the mail of the last {} s",
                subscriber,
                settings.catchUp().toSeconds());
        DeliveryCursor start = new DeliveryCursor(folder.getUIDValidity(), firstUid(folder) - 1);
        record.start(folder, start);
        return start;
    }

    /** The UID of the oldest message received within the catch-up window, else the UID the next message gets. */
    private long firstUid(IMAPFolder folder) throws MessagingException {
        long first = folder.getUIDNext();
        if (first <= 0) {
            // a server that does not report UIDNEXT: one past the newest message
            int count = folder.getMessageCount();
            first = count == 0 ? 1 : folder.getUID(folder.getMessage(count)) + 1;
        }
        if (settings.catchUp().isZero()) {
            return first;
        }
        Instant since = clock.instant().minus(settings.catchUp());
        // IMAP compares whole days in the server's zone: a day of slack, the exact cut here
        Message[] recent =
                folder.search(new ReceivedDateTerm(ComparisonTerm.GE, Date.from(since.minus(Duration.ofDays(1)))));
        for (Message message : recent) {
            if (!ImapMailbox.received(message).isBefore(since)) {
                first = Math.min(first, folder.getUID(message));
            }
        }
        return first;
    }

    /** Delivers the messages after the cursor that the trigger wants, oldest first; the cursor moves past each. */
    private DeliveryCursor deliverNew(IMAPFolder folder, DeliveryCursor cursor)
            throws MessagingException, IOException, InterruptedException {
        // a NOOP first: a server that reports new mail only in answer to one (GreenMail does) would otherwise answer
        // the UID FETCH below with messages the folder does not know yet, which Jakarta Mail drops
        noop(folder);
        // UID n:* names at least the newest message, even when its UID is below n: the check below skips it
        Message[] messages = folder.getMessagesByUID(cursor.lastUid() + 1, UIDFolder.LASTUID);
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(UIDFolder.FetchProfileItem.UID);
        folder.fetch(messages, profile);
        DeliveryCursor moved = cursor;
        for (Message message : messages) {
            long uid = folder.getUID(message);
            if (stopped) {
                return moved;
            }
            if (uid <= moved.lastUid() || message.isExpunged()) {
                continue;
            }
            // read as a mail client previews: the folder is open read-write, and its owner still sees the mail unread
            ((IMAPMessage) message).setPeek(true);
            String from = ImapMailbox.addresses(message.getFrom());
            if (subscriber.wants(from, Optional.ofNullable(message.getSubject()).orElse(""))) {
                if (record.deliveredElsewhere(folder, message)) {
                    LOG.info(
                            "Mail event {} for {}: delivered by another replica",
                            new MessageId(folder.getFullName(), moved.uidValidity(), uid),
                            subscriber);
                } else {
                    deliver(folder, moved.uidValidity(), uid, message);
                    record.delivered(folder, message);
                }
            }
            moved = moved.after(uid);
            record.passed(moved);
        }
        return moved;
    }

    private void deliver(IMAPFolder folder, long uidValidity, long uid, Message message)
            throws MessagingException, InterruptedException {
        MessageId id = new MessageId(folder.getFullName(), uidValidity, uid);
        MessageContent content;
        try {
            content = ImapMailbox.content(id, message);
        } catch (MessagingException unreadable) {
            if (!folder.isOpen()) {
                throw unreadable;
            }
            LOG.error(
                    "Mail trigger of {}: message {} cannot be read, not delivered: {}",
                    subscriber,
                    id,
                    unreadable.getClass().getSimpleName());
            return;
        }
        String[] messageIds = message.getHeader("Message-ID");
        MailEvent event = MailEvent.of(
                "imap://" + server.host() + ":" + server.port(),
                content,
                messageIds == null || messageIds.length == 0 ? null : messageIds[0]);
        delivery.deliver(subscriber, event, () -> stopped);
    }

    /** Waits in IDLE until the server reports a change, or until half the read timeout has passed. */
    private void idle(IMAPFolder folder) throws MessagingException {
        long millis = Math.max(2_000, server.timeout().toMillis() / 2);
        ScheduledFuture<?> end = timer.schedule(() -> wake(folder), millis, TimeUnit.MILLISECONDS);
        try {
            folder.idle(true);
        } finally {
            end.cancel(false);
        }
    }

    /**
     * Ends the folder's IDLE, if it is in one: Jakarta Mail sends DONE before a command from another thread (not before
     * {@code getMessageCount}, which skips its NOOP within a second of the last command).
     */
    private static void wake(IMAPFolder folder) {
        try {
            noop(folder);
        } catch (MessagingException | IllegalStateException closing) {
            // the watch's own next command reports a lost connection
        }
    }

    private static void noop(IMAPFolder folder) throws MessagingException {
        folder.doCommand(protocol -> {
            protocol.noop();
            return null;
        });
    }
}
