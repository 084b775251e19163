package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Access mode of the workspace volume. */
public enum WorkspaceAccessMode {
    @JsonProperty("ReadWriteOnce")
    READ_WRITE_ONCE,
    @JsonProperty("ReadWriteMany")
    READ_WRITE_MANY
}
