package io.langop.tool.email.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.langop.tool.email.connection.MailConfigurationException;
import io.langop.tool.email.connection.MailSettings;
import io.langop.wire.MailTriggers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the tool watches and how: the operator's {@link MailTriggers#ENV}, and the tool's own
 * {@code MAIL_WATCH*} variables.
 *
 * @param subscribers the triggers
 * @param idle whether to wait for new mail with IMAP IDLE where the server offers it ({@code MAIL_WATCH=idle}, the
 *     default); else the folder is polled
 * @param pollInterval how often a folder is polled ({@code MAIL_WATCH_POLL_SECONDS}, default 30)
 * @param stateDirectory where the cursors are kept ({@code MAIL_WATCH_STATE_DIR})
 * @param catchUp how far back a trigger without a cursor starts ({@code MAIL_WATCH_CATCH_UP_SECONDS}, default 600):
 *     mail that arrived while a new pod was starting is delivered, and the agent drops what it ran already
 */
public record MailTriggerSettings(
        List<Subscriber> subscribers, boolean idle, Duration pollInterval, Path stateDirectory, Duration catchUp) {

    static final String WATCH = "MAIL_WATCH";
    static final String POLL_SECONDS = "MAIL_WATCH_POLL_SECONDS";
    static final String STATE_DIR = MailTriggers.STATE_DIR_ENV;
    static final String CATCH_UP_SECONDS = "MAIL_WATCH_CATCH_UP_SECONDS";

    private static final ObjectReader READER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .readerFor(MailTriggers.class);

    public MailTriggerSettings {
        subscribers = List.copyOf(subscribers);
    }

    /** The triggers configured; none when {@link MailTriggers#ENV} is unset. */
    public static MailTriggerSettings from(MailSettings settings) throws MailConfigurationException {
        List<Subscriber> subscribers = new ArrayList<>();
        Path secrets = Path.of(settings.value(MailTriggers.SECRETS_DIR_ENV).orElse(MailTriggers.SECRETS_PATH));
        Optional<String> json = settings.value(MailTriggers.ENV);
        if (json.isPresent()) {
            MailTriggers triggers;
            try {
                triggers = READER.readValue(json.get());
            } catch (JsonProcessingException invalid) {
                throw new MailConfigurationException(
                        MailTriggers.ENV + " is not a JSON object of mail triggers: " + invalid.getOriginalMessage());
            }
            for (MailTriggers.Subscription subscription : triggers.subscriptions()) {
                if (subscription.endpoint() == null || subscription.endpoint().isBlank()) {
                    throw new MailConfigurationException("the mail trigger of " + subscription.agent() + " in "
                            + MailTriggers.ENV + " has no endpoint");
                }
                if (subscription.secretFile() == null
                        || subscription.secretFile().isBlank()) {
                    throw new MailConfigurationException("the mail trigger of " + subscription.agent() + " in "
                            + MailTriggers.ENV + " names no secretFile");
                }
                subscribers.add(new Subscriber(subscription, secrets.resolve(subscription.secretFile())));
            }
        }
        String mode = settings.value(WATCH).orElse("idle").toLowerCase(Locale.ROOT);
        if (!mode.equals("idle") && !mode.equals("poll")) {
            throw new MailConfigurationException(WATCH + " must be idle or poll (got '" + mode + "')");
        }
        Integer poll = settings.number(POLL_SECONDS, 1, 3_600);
        Integer catchUp = settings.number(CATCH_UP_SECONDS, 0, 7 * 24 * 3_600);
        return new MailTriggerSettings(
                subscribers,
                mode.equals("idle"),
                Duration.ofSeconds(poll == null ? 30 : poll),
                settings.value(STATE_DIR)
                        .map(Path::of)
                        .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "langop-mail-triggers")),
                Duration.ofSeconds(catchUp == null ? 600 : catchUp));
    }
}
