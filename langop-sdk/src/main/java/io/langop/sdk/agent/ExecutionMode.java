package io.langop.sdk.agent;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the runtime drives an agent; the names match {@code LanguageAgent.spec.executionMode}. */
public enum ExecutionMode {
    /** Runs cycles until the objectives are done, with a pause between cycles. */
    AUTONOMOUS("autonomous"),
    /** Runs once and exits (a Kubernetes CronJob provides the schedule). */
    SCHEDULED("scheduled"),
    /** Serves an OpenAI-compatible chat endpoint bound to the agent's persona and tools. */
    INTERACTIVE("interactive"),
    /** Serves a webhook; each accepted event starts a run. */
    EVENT_DRIVEN("event-driven");

    private final String wireName;

    ExecutionMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ExecutionMode parse(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values())
                .filter(mode -> mode.wireName.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown execution mode '" + value
                        + "', expected one of "
                        + Arrays.stream(values()).map(ExecutionMode::wireName).collect(Collectors.joining(", "))));
    }
}
