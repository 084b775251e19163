package io.langop.kit.trigger;

import java.net.URI;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One trigger of an agent that a {@link SignedEventPoster} posts to: its webhook endpoint ({@code /webhook/<source>} on
 * the agent's Service or on localhost) and the secret of its langop {@code hmac} authentication. Its {@code toString()}
 * names it in logs, and must not contain the secret.
 */
public interface WebhookRecipient {

    /** The endpoint the events are posted to. */
    URI endpoint();

    /**
     * The trigger's type as {@code spec.eventTriggers[].type} names it ({@code kubernetes-event}, {@code schedule},
     * {@code mail}): the {@code trigger_type} tag of the delivery meters.
     */
    String triggerType();

    /** The agent's name: its delivery spans are named and tagged with it. */
    String agent();

    /** The agent's namespace, where the sender serves several (the operator); else the process's resource says it. */
    default Optional<String> agentNamespace() {
        return Optional.empty();
    }

    /** The trigger's name: the last segment of its endpoint, {@code /webhook/<source>}. */
    default String trigger() {
        String path = endpoint().getPath();
        return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * The secret to sign the next attempt with. Asked at every attempt, since a secret can be replaced meanwhile (the
     * agent then answers 401 until the sender has the new one); it may block until the secret is there.
     *
     * @param stopping true once the sender stops: a blocked wait for the secret ends then
     * @throws InterruptedException when the sender stops before the secret is there
     */
    String secret(BooleanSupplier stopping) throws InterruptedException;
}
