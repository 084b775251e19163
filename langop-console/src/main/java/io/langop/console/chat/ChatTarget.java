package io.langop.console.chat;

import java.net.URI;

/**
 * What a user can talk to: an interactive agent (its own persona and tools) or a model through its proxy (with the
 * client's persona as system prompt, if any). {@code id} is the model name programs pass and the upstream expects.
 */
public record ChatTarget(String id, String label, String description, Kind kind, URI completions, String systemPrompt) {

    public enum Kind {
        AGENT,
        MODEL
    }
}
