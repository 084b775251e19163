package io.langop.tool.email.trigger;

import io.langop.wire.MailTriggers;
import io.langop.wire.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * One agent's mail trigger; its secret is read from its file at each delivery, never logged.
 *
 * @param secretFile where the secret is, {@link MailTriggers.Subscription#secretFile} in the secrets' directory
 */
record Subscriber(MailTriggers.Subscription subscription, Path secretFile) {

    String agent() {
        return subscription.agent();
    }

    String folder() {
        return subscription.folder();
    }

    /** The key of langop's HMAC, once its file is there (the operator mounts it from a Secret that may come later). */
    Optional<String> secret() {
        try {
            return Optional.of(
                            Files.readString(secretFile, StandardCharsets.UTF_8).strip())
                    .filter(secret -> !secret.isEmpty());
        } catch (IOException notYet) {
            return Optional.empty();
        }
    }

    /** Whether a message with this sender and subject is one the agent asked for (texts contained, ignoring case). */
    boolean wants(String from, String subject) {
        return contains(from, subscription.from()) && contains(subject, subscription.subject());
    }

    private static boolean contains(String text, String wanted) {
        return wanted == null
                || wanted.isBlank()
                || text.toLowerCase(Locale.ROOT).contains(wanted.strip().toLowerCase(Locale.ROOT));
    }

    /** The first {@code bytes} bytes of the SHA-256 of {@code text} in hex: a name for this trigger's records. */
    static String digest(String text, int bytes) {
        return Sha256.hex(text, bytes);
    }

    @Override
    public String toString() {
        return subscription.agent() + " (" + subscription.folder() + " → " + subscription.endpoint() + ")";
    }
}
