package io.langop.sdk.approval;

import java.net.URI;
import java.util.Optional;

/** What the approval rule needs to know of a tool: the server offering it, and whether it declares itself read-only. */
public interface ToolOrigins {

    ToolOrigins NONE = new ToolOrigins() {
        @Override
        public Optional<URI> serverOf(String tool) {
            return Optional.empty();
        }

        @Override
        public boolean isReadOnly(String tool) {
            return false;
        }
    };

    Optional<URI> serverOf(String tool);

    /** Whether the tool's server annotates it {@code readOnlyHint: true}. */
    boolean isReadOnly(String tool);
}
