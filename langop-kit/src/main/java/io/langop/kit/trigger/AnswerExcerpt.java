package io.langop.kit.trigger;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.function.IntPredicate;

/**
 * The beginning of an agent's answer, for its log line: at most {@link #KEPT_BYTES} bytes are kept, the rest is read
 * (so the connection can serve the next attempt) and only counted. The answer of a broken or hostile endpoint can be of
 * any size and say anything; a log line gets a bounded, single-line excerpt of it that says where it was cut.
 *
 * @param head the first bytes of the answer, as text (a character cut in two at the end shows as U+FFFD)
 * @param length how many bytes the answer had
 * @param cut whether the answer was longer than {@code head}
 */
record AnswerExcerpt(String head, long length, boolean cut) {

    static final int KEPT_BYTES = 300;

    /** What an answer that is not logged is read into: its body is read to the end and dropped. */
    static final AnswerExcerpt UNREAD = new AnswerExcerpt("", 0, false);

    /** Reads the body of an answer whose status {@code logged} says is logged into an excerpt; drops any other. */
    static HttpResponse.BodyHandler<AnswerExcerpt> handler(IntPredicate logged) {
        return answer -> logged.test(answer.statusCode())
                ? HttpResponse.BodySubscribers.fromSubscriber(new Collector(), Collector::excerpt)
                : HttpResponse.BodySubscribers.replacing(UNREAD);
    }

    /**
     * The excerpt as one line of text: control characters (a forged log line's newline) as spaces, each of
     * {@code hidden} (the secret, the signature sent) as {@code [redacted]} should the agent echo it, and {@code …(cut,
     * N bytes in all)} after an answer longer than what was kept.
     */
    String text(String... hidden) {
        String text = head;
        for (String value : hidden) {
            if (value != null && !value.isEmpty()) {
                text = text.replace(value, "[redacted]");
            }
        }
        // a secret cut off at the end of the excerpt may still show its first characters: drop what cannot be checked
        if (cut) {
            for (String value : hidden) {
                text = withoutBeginningOf(text, value);
            }
        }
        text = text.replaceAll("\\p{Cntrl}", " ");
        return cut ? text + "…(cut, " + length + " bytes in all)" : text;
    }

    /** {@code text} without a trailing prefix of {@code value} (of at least 4 characters). */
    private static String withoutBeginningOf(String text, String value) {
        if (value == null) {
            return text;
        }
        for (int size = Math.min(value.length() - 1, text.length()); size >= 4; size--) {
            if (text.endsWith(value.substring(0, size))) {
                return text.substring(0, text.length() - size);
            }
        }
        return text;
    }

    private static final class Collector implements Flow.Subscriber<List<ByteBuffer>> {

        private final byte[] kept = new byte[KEPT_BYTES];
        private int keptBytes;
        private long length;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int taken = Math.min(buffer.remaining(), kept.length - keptBytes);
                buffer.get(kept, keptBytes, taken);
                keptBytes += taken;
                length += taken + buffer.remaining();
            }
        }

        // the body subscriber that wraps this one completes the answer with the failure
        @Override
        public void onError(Throwable failure) {}

        @Override
        public void onComplete() {}

        /** Called once the whole answer was read. */
        AnswerExcerpt excerpt() {
            return new AnswerExcerpt(
                    new String(kept, 0, keptBytes, StandardCharsets.UTF_8), length, length > keptBytes);
        }
    }
}
