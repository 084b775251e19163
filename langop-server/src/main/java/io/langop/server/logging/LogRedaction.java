package io.langop.server.logging;

import io.langop.server.redaction.Redactor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secrets no log line may show, whatever code logged them and however (a message argument, an exception's
 * message, a stack trace): the log output set up by {@link EnvLoggingConfigurator} is redacted as it is written.
 * Each holder of secrets (a model proxy and its keys, say) registers them under itself and replaces them when they
 * change; several holders in one process (tests, {@code langop local}) keep theirs apart.
 */
public final class LogRedaction {

    private static final Map<Object, Redactor> BY_HOLDER = new ConcurrentHashMap<>();
    private static volatile Redactor all = Redactor.NONE;

    private LogRedaction() {}

    /** From now on the log shows none of {@code secrets}, replacing what {@code holder} registered before. */
    public static void protect(Object holder, Redactor secrets) {
        BY_HOLDER.put(holder, secrets);
        rebuild();
    }

    /** {@code holder}'s secrets are no longer looked for (it has stopped). */
    public static void release(Object holder) {
        if (BY_HOLDER.remove(holder) != null) {
            rebuild();
        }
    }

    /** Every registered secret. */
    static Redactor current() {
        return all;
    }

    private static synchronized void rebuild() {
        all = BY_HOLDER.values().stream().reduce(Redactor.NONE, Redactor::and);
    }
}
