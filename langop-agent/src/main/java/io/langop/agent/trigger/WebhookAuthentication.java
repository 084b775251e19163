package io.langop.agent.trigger;

import io.langop.wire.AgentTriggers;
import io.langop.wire.HmacSha256;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * How a webhook knows that a request comes from whoever holds the trigger's secret, and which id the sender gave the
 * delivery (a delivery sent again with the same id starts no second run).
 */
public sealed interface WebhookAuthentication {

    /** How far a signed timestamp may lie from this pod's clock, either way: a captured request replays no later. */
    Duration REPLAY_WINDOW = Duration.ofMinutes(5);

    /**
     * Why the request is refused; empty when it is authentic.
     *
     * @param headers the request's headers, names in lower case
     */
    Optional<String> refusal(Map<String, String> headers, byte[] body);

    /** The sender's id of this delivery, if it gives one. */
    Optional<String> deliveryId(Map<String, String> headers);

    /**
     * @param kind {@link AgentTriggers#GITHUB}, {@link AgentTriggers#GITLAB}, {@link AgentTriggers#HMAC} or
     *     {@link AgentTriggers#NONE}
     * @param secret the trigger's secret; required by every kind but {@link AgentTriggers#NONE}
     * @throws IllegalArgumentException for an unknown kind or a missing secret
     */
    static WebhookAuthentication of(String kind, Optional<String> secret, Clock clock) {
        if (kind.equals(AgentTriggers.NONE)) {
            return new Unauthenticated();
        }
        String key = secret.filter(value -> !value.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("a " + kind + " webhook needs its secret"));
        return switch (kind) {
            case AgentTriggers.GITHUB -> new GitHubSignature(new HmacSha256(key));
            case AgentTriggers.GITLAB -> new GitLabToken(key);
            case AgentTriggers.HMAC -> new TimestampedHmac(new HmacSha256(key), clock);
            default -> throw new IllegalArgumentException("unknown webhook authentication " + kind);
        };
    }

    /** Anyone who reaches the endpoint; a request may name its delivery in {@code X-Langop-Delivery}. */
    record Unauthenticated() implements WebhookAuthentication {
        @Override
        public Optional<String> refusal(Map<String, String> headers, byte[] body) {
            return Optional.empty();
        }

        @Override
        public Optional<String> deliveryId(Map<String, String> headers) {
            return header(headers, AgentTriggers.DELIVERY_HEADER);
        }
    }

    /** GitHub's {@code X-Hub-Signature-256} over the body; the delivery is {@code X-GitHub-Delivery}. */
    record GitHubSignature(HmacSha256 hmac) implements WebhookAuthentication {
        @Override
        public Optional<String> refusal(Map<String, String> headers, byte[] body) {
            Optional<String> signature = header(headers, "X-Hub-Signature-256");
            if (signature.isEmpty()) {
                return Optional.of("no X-Hub-Signature-256");
            }
            return hmac.verifies(signature.get(), body)
                    ? Optional.empty()
                    : Optional.of("X-Hub-Signature-256 does not match");
        }

        @Override
        public Optional<String> deliveryId(Map<String, String> headers) {
            return header(headers, "X-GitHub-Delivery");
        }
    }

    /** GitLab's {@code X-Gitlab-Token}, the secret itself; the delivery is {@code X-Gitlab-Event-UUID}. */
    record GitLabToken(String token) implements WebhookAuthentication {
        @Override
        public Optional<String> refusal(Map<String, String> headers, byte[] body) {
            Optional<String> sent = header(headers, "X-Gitlab-Token");
            if (sent.isEmpty()) {
                return Optional.of("no X-Gitlab-Token");
            }
            return HmacSha256.equalInConstantTime(token, sent.get())
                    ? Optional.empty()
                    : Optional.of("X-Gitlab-Token does not match");
        }

        @Override
        public Optional<String> deliveryId(Map<String, String> headers) {
            return header(headers, "X-Gitlab-Event-UUID").or(() -> header(headers, "Idempotency-Key"));
        }

        @Override
        public String toString() {
            return "GitLabToken[***]";
        }
    }

    /**
     * {@code X-Langop-Signature: sha256=<hex>} over {@code "<X-Langop-Timestamp>.<body>"}, the timestamp in Unix
     * seconds within {@link #REPLAY_WINDOW} of this pod's clock. The delivery is {@code X-Langop-Delivery}, else the
     * signature itself: the same request sent again within the window is a repeated delivery.
     */
    record TimestampedHmac(HmacSha256 hmac, Clock clock) implements WebhookAuthentication {
        @Override
        public Optional<String> refusal(Map<String, String> headers, byte[] body) {
            Optional<String> signature = header(headers, AgentTriggers.SIGNATURE_HEADER);
            Optional<String> timestamp = header(headers, AgentTriggers.TIMESTAMP_HEADER);
            if (signature.isEmpty() || timestamp.isEmpty()) {
                return Optional.of("no " + AgentTriggers.SIGNATURE_HEADER + " or " + AgentTriggers.TIMESTAMP_HEADER);
            }
            Instant signedAt;
            try {
                signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.get().strip()));
            } catch (NumberFormatException | java.time.DateTimeException notSeconds) {
                return Optional.of(AgentTriggers.TIMESTAMP_HEADER + " is no Unix time in seconds");
            }
            if (Duration.between(signedAt, clock.instant()).abs().compareTo(REPLAY_WINDOW) > 0) {
                return Optional.of(AgentTriggers.TIMESTAMP_HEADER + " is outside the replay window of "
                        + REPLAY_WINDOW.toMinutes() + " minutes");
            }
            return hmac.verifiesTimestamped(signature.get(), timestamp.get().strip(), body)
                    ? Optional.empty()
                    : Optional.of(AgentTriggers.SIGNATURE_HEADER + " does not match");
        }

        @Override
        public Optional<String> deliveryId(Map<String, String> headers) {
            return header(headers, AgentTriggers.DELIVERY_HEADER)
                    .or(() -> header(headers, AgentTriggers.SIGNATURE_HEADER));
        }
    }

    private static Optional<String> header(Map<String, String> headers, String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)))
                .filter(value -> !value.isBlank());
    }
}
