package io.langop.tool.email.trigger;

import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.search.FlagTerm;
import java.net.URI;
import java.util.OptionalLong;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * A trigger's IMAP keyword, {@code $LangopDelivered_<hash>}, set on a message once the agent has it: the record of
 * delivery kept in the mailbox itself, so that every replica of a service-mode tool and every pod that replaces one
 * sees it, with no volume and no API access. The hash names the agent and its webhook's path: two agents (or two
 * triggers of one agent) reading one folder each keep their own mark, and a tool moved from sidecar to service mode
 * (another host in the endpoint, the same path) keeps it. Mail clients hide keywords they do not know.
 */
final class DeliveredMark {

    static final String PREFIX = "$LangopDelivered_";

    private final String keyword;
    private final Flags flags;

    DeliveredMark(Subscriber subscriber) {
        this.keyword = PREFIX
                + Subscriber.digest(
                        subscriber.agent() + "\n"
                                + URI.create(subscriber.subscription().endpoint())
                                        .getPath(),
                        8);
        this.flags = new Flags(keyword);
    }

    /**
     * Whether the server keeps keywords a client makes up in the open folder ({@code \*} in its PERMANENTFLAGS, only
     * reported for a folder opened read-write). Exchange and some others do not: the tool then has its state
     * directory only.
     */
    static boolean keptIn(IMAPFolder folder) {
        Flags permanent = folder.getPermanentFlags();
        return permanent != null && permanent.contains(Flags.Flag.USER);
    }

    String keyword() {
        return keyword;
    }

    /** The UID of the newest message that carries the mark: the agent has every message up to it. */
    OptionalLong newestMarked(IMAPFolder folder) throws MessagingException {
        Message newest = null;
        for (Message marked : folder.search(new FlagTerm(flags, true))) {
            if (newest == null || marked.getMessageNumber() > newest.getMessageNumber()) {
                newest = marked;
            }
        }
        return newest == null ? OptionalLong.empty() : OptionalLong.of(folder.getUID(newest));
    }

    /** Whether the message carries the mark now, asked of the server: another replica may have set it meanwhile. */
    boolean isOn(IMAPFolder folder, Message message) throws MessagingException {
        return folder.search(new FlagTerm(flags, true), new Message[] {message}).length > 0;
    }

    void set(IMAPFolder folder, Message message) throws MessagingException {
        folder.setFlags(new Message[] {message}, flags, true);
    }

    @Override
    public String toString() {
        return keyword;
    }
}
