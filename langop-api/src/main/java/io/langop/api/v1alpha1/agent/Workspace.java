package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.langop.api.v1alpha1.Patterns;
import io.langop.wire.AgentFiles;

/** Persistent workspace volume of an agent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Workspace {

    @Default("true")
    @JsonPropertyDescription("Create a persistent volume for the agent and its sidecar tools.")
    private Boolean enabled;

    @Default("10Gi")
    @Pattern(Patterns.QUANTITY)
    @JsonPropertyDescription("Requested storage.")
    private String size;

    @JsonPropertyDescription("Storage class; the cluster default when unset.")
    private String storageClassName;

    @Default("ReadWriteOnce")
    @JsonPropertyDescription("Volume access mode.")
    private WorkspaceAccessMode accessMode;

    @Default(AgentFiles.WORKSPACE_DIR)
    @Pattern(Patterns.ABSOLUTE_PATH)
    @JsonPropertyDescription("Where the workspace is mounted in the agent and its sidecar tools.")
    private String mountPath;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getSize() {
        return size;
    }

    public void setSize(String size) {
        this.size = size;
    }

    public String getStorageClassName() {
        return storageClassName;
    }

    public void setStorageClassName(String storageClassName) {
        this.storageClassName = storageClassName;
    }

    public WorkspaceAccessMode getAccessMode() {
        return accessMode;
    }

    public void setAccessMode(WorkspaceAccessMode accessMode) {
        this.accessMode = accessMode;
    }

    public String getMountPath() {
        return mountPath;
    }

    public void setMountPath(String mountPath) {
        this.mountPath = mountPath;
    }
}
