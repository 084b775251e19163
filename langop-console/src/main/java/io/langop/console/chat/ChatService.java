package io.langop.console.chat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.api.v1alpha1.FilterAction;
import io.langop.console.auth.User;
import io.langop.console.guard.Moderation;
import io.langop.console.guard.UserRateLimits;
import io.langop.server.metrics.MeterBuilders;
import io.langop.wire.Meters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chat turn, the same for the page and for programs: the user's rate limits, moderation of what they wrote,
 * the client's persona before a model's conversation, the upstream's answer streamed through (or, when some
 * moderation filter blocks, read whole and checked before any of it leaves), and the tokens it used counted.
 */
public final class ChatService {

    private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);

    /** Where an answer goes: each upstream event's JSON, and the console's own notices (a moderation warning). */
    public interface Listener extends UpstreamChat.Events {
        default void notice(String message) throws IOException {}
    }

    private final UserRateLimits limits;
    private final Moderation moderation;
    private final UpstreamChat upstream;
    private final Timer firstEvent;

    public ChatService(UserRateLimits limits, Moderation moderation, UpstreamChat upstream, MeterRegistry meters) {
        this.limits = limits;
        this.moderation = moderation;
        this.upstream = upstream;
        // a histogram rather than percentiles: those of several console replicas cannot be added up
        this.firstEvent = MeterBuilders.timer(Meters.CONSOLE_FIRST_EVENT).register(meters);
    }

    /**
     * @param body the OpenAI request to send on (its {@code messages} end with the user's new message)
     * @param userText what the user wrote this turn, which moderation reads
     * @throws ChatRefusal before anything was sent to {@code listener}
     */
    public UpstreamChat.Answer converse(
            User user, ChatTarget target, ObjectNode body, String userText, Listener listener) throws IOException {
        long started = System.nanoTime();
        limits.admit(user.id()).ifPresent(refusal -> {
            throw new ChatRefusal(429, "rate_limit_exceeded", refusal.message(), refusal.retryAfter());
        });
        Optional<Moderation.Verdict> verdict = moderation.check(userText);
        if (verdict.isPresent()) {
            LOG.info(
                    "message of {} matched moderation filter '{}' ({})",
                    user.id(),
                    verdict.get().filter(),
                    verdict.get().action());
            if (verdict.get().action() == FilterAction.BLOCK) {
                throw new ChatRefusal(400, "content_filter", verdict.get().message());
            }
        }
        if (target.systemPrompt() != null) {
            ArrayNode messages = body.withArray("messages");
            messages.insertObject(0).put("role", "system").put("content", target.systemPrompt());
        }
        UpstreamChat.Answer answer;
        if (moderation.screensAnswers()) {
            List<String> held = new ArrayList<>();
            answer = upstream.stream(target, body, held::add);
            firstEvent.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            Optional<Moderation.Verdict> onAnswer = moderation.check(answer.text());
            if (onAnswer.isPresent() && onAnswer.get().action() == FilterAction.BLOCK) {
                limits.spent(user.id(), tokens(answer));
                LOG.info(
                        "answer of {} to {} withheld by moderation filter '{}'",
                        target.id(),
                        user.id(),
                        onAnswer.get().filter());
                throw new ChatRefusal(
                        400,
                        "content_filter",
                        "The answer was withheld: " + onAnswer.get().message());
            }
            warnIfMatched(verdict, listener);
            for (String event : held) {
                listener.event(event);
            }
        } else {
            warnIfMatched(verdict, listener);
            boolean[] first = {true};
            answer = upstream.stream(target, body, event -> {
                if (first[0]) {
                    first[0] = false;
                    firstEvent.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
                }
                listener.event(event);
            });
        }
        limits.spent(user.id(), tokens(answer));
        return answer;
    }

    private static void warnIfMatched(Optional<Moderation.Verdict> verdict, Listener listener) throws IOException {
        if (verdict.isPresent() && verdict.get().action() == FilterAction.WARN) {
            listener.notice(verdict.get().message());
        }
    }

    /** The upstream's count, or about four characters a token when it sent none. */
    private static long tokens(UpstreamChat.Answer answer) {
        return answer.totalTokens() > 0
                ? answer.totalTokens()
                : Math.max(1, answer.text().length() / 4);
    }
}
