package io.langop.sdk.memory;

import io.langop.sdk.memory.spi.MemoryBackend;
import io.langop.sdk.memory.workspace.WorkspaceBackend;
import io.langop.sdk.retry.Backoff;
import io.langop.wire.AgentFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What an agent remembers between runs and conversations: {@link #state()} (small values such as what was
 * already seen), {@link #documents()} (files by key with a content type), {@link #conversations()} (chat
 * history per session) and {@link #lastSuccessfulRun()}. Agent code gets it with {@link #current()}.
 *
 * <p>Where it is kept is the LanguageAgent's {@code spec.memoryStore}: by default files under the
 * workspace, else Redis, Postgres or S3-compatible storage. Every operation that cannot reach the store is
 * retried with backoff (about 8 s in all) before it fails with a {@link MemoryUnavailableException}.
 *
 * <pre>{@code
 * Memory memory = Memory.current();
 * Instant since = memory.lastSuccessfulRun().orElse(Instant.now().minus(Duration.ofDays(1)));
 * Set<String> seen = new HashSet<>(List.of(memory.state().get("seen", "").split("\n")));
 * }</pre>
 */
public final class Memory implements AutoCloseable {

    /** Keys of the runtime's own state: agent keys start with a letter or digit, so they cannot meet these. */
    static final String RESERVED_PREFIX = ".langop-";

    private static final String LAST_SUCCESSFUL_RUN = RESERVED_PREFIX + "last-successful-run";

    private static volatile Memory current = inWorkspace(Path.of(AgentFiles.WORKSPACE_DIR));

    private final MemoryBackend backend;
    private final KeyValueStore state;
    private final DocumentStore documents;
    private final ConversationStore conversations;

    public Memory(MemoryBackend backend, MemoryLimits limits, Backoff backoff) {
        this.backend = backend;
        BackendCalls calls = new BackendCalls(backend, backoff);
        this.state = new KeyValueStore(calls, limits);
        this.documents = new DocumentStore(calls, limits);
        this.conversations = new ConversationStore(calls, limits);
    }

    /** The default store: files under {@code workspace}, default limits and retries. */
    public static Memory inWorkspace(Path workspace) {
        return new Memory(new WorkspaceBackend(workspace), MemoryLimits.DEFAULT, Backoff.MEMORY);
    }

    /** The agent's memory. */
    public static Memory current() {
        return current;
    }

    /** Set by the runtime before the agent's code runs. */
    public static Memory use(Memory memory) {
        current = memory;
        return memory;
    }

    public KeyValueStore state() {
        return state;
    }

    public DocumentStore documents() {
        return documents;
    }

    public ConversationStore conversations() {
        return conversations;
    }

    /** When the last run that succeeded started; empty before the first one. */
    public Optional<Instant> lastSuccessfulRun() {
        return state.getUnchecked(LAST_SUCCESSFUL_RUN).flatMap(Memory::instant);
    }

    /** Written by the runtime when a run succeeds. */
    public void recordSuccessfulRun(Instant startedAt) {
        state.putUnchecked(LAST_SUCCESSFUL_RUN, startedAt.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Where memory is kept, without credentials. */
    public String description() {
        return backend.description();
    }

    @Override
    public void close() {
        backend.close();
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text.strip()));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty(); // written by hand or damaged: as if there had been no run
        }
    }
}
