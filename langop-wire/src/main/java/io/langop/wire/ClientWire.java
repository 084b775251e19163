package io.langop.wire;

/** The contract between the operator and a LanguageClient's container (the console or a user's image). */
public final class ClientWire {

    /** The environment variable naming the client's settings file. */
    public static final String CONFIG_ENV = "CLIENT_CONFIG";
    /** Where the operator mounts the client's ConfigMap. */
    public static final String CONFIG_DIR = "/etc/client";
    /** The settings file in {@link #CONFIG_DIR}, the one key of the client's ConfigMap. */
    public static final String CONFIG_FILE = "client.json";

    /** The OpenAI-compatible chat path under an agent's or a model proxy's {@code /v1} base. */
    public static final String CHAT_COMPLETIONS_PATH = "/chat/completions";

    /**
     * The extra field in which the console's {@code /v1} tells a program of its moderation's warning (the message
     * matched a {@code warn} filter): {@code {"message": ...}} in the answer's first chunk, or in a plain completion.
     * Not an SSE event of its own name: OpenAI's SDKs read every named event as a chunk (see
     * {@link ToolCallEvents}).
     */
    public static final String NOTICE_FIELD = "langop_notice";

    private ClientWire() {}
}
