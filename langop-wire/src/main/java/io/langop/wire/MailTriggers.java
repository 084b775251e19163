package io.langop.wire;

import java.util.List;

/**
 * The mail triggers an email tool serves, as the operator writes them (JSON, in {@link #ENV}) from the agents'
 * {@code spec.eventTriggers} of type {@code mail} that name the tool: each new message of a folder that passes a
 * trigger's filters is posted to the agent's webhook as a structured CloudEvent ({@link #EVENT_TYPE}), signed the way
 * {@link AgentTriggers#HMAC} webhooks verify ({@link AgentTriggers#SIGNATURE_HEADER} over
 * {@link AgentTriggers#TIMESTAMP_HEADER} and the body) with the secret in the file the trigger names. A file, not a
 * variable: the operator mounts it from the agent's Secret, optionally, so that the tool starts (and lists its tools,
 * which the agent waits for) before the agent's Secret exists, and reads a changed secret without a restart. Records
 * map to JSON by their component names; readers ignore fields they do not know.
 *
 * @param subscriptions one per agent trigger
 */
public record MailTriggers(List<Subscription> subscriptions) {

    /** The email tool's variable holding this JSON; unset: the tool watches no folder. */
    public static final String ENV = "MAIL_TRIGGERS";
    /** Where the operator mounts the triggers' secrets, one file per trigger named by its index. */
    public static final String SECRETS_PATH = "/var/run/langop/mail-triggers";
    /** The tool's variable naming the directory of the secrets' files; unset: {@link #SECRETS_PATH}. */
    public static final String SECRETS_DIR_ENV = "MAIL_TRIGGER_SECRETS_DIR";
    /**
     * Where the tool keeps how far it has delivered each trigger; the operator points a sidecar at the agent's
     * workspace, so that a new pod continues where the last one stopped.
     */
    public static final String STATE_DIR_ENV = "MAIL_WATCH_STATE_DIR";
    /** The trigger's type, as {@code spec.eventTriggers[].type} and the delivery meters' {@code trigger_type} name it. */
    public static final String TRIGGER_TYPE = "mail";
    /** The CloudEvent {@code type} of a new message. */
    public static final String EVENT_TYPE = "io.langop.mail.received";
    /** The folder watched when a trigger names none. */
    public static final String DEFAULT_FOLDER = "INBOX";

    public MailTriggers {
        subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
    }

    /**
     * One agent's mail trigger.
     *
     * @param agent {@code <namespace>/<agent>}, for the tool's logs
     * @param endpoint the URL of the agent's webhook the events go to
     * @param secretFile the name of the file holding the webhook's secret, in the directory {@link #SECRETS_DIR_ENV}
     *     names; it may appear (and change) while the tool runs
     * @param folder the folder watched; null: {@link #DEFAULT_FOLDER}
     * @param from a text the sender (address or name) must contain, ignoring case; null: any sender
     * @param subject a text the subject must contain, ignoring case; null: any subject
     */
    public record Subscription(
            String agent, String endpoint, String secretFile, String folder, String from, String subject) {

        public Subscription {
            folder = folder == null || folder.isBlank() ? DEFAULT_FOLDER : folder;
        }
    }
}
