package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** State of a client in one region. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClientRegionStatus {

    @Required
    @JsonPropertyDescription("Region name.")
    private String name;

    @JsonPropertyDescription("Phase in the region.")
    private ClientPhase phase;

    @JsonPropertyDescription("Pods ready.")
    private Integer readyReplicas;

    @JsonPropertyDescription("URL in the region.")
    private String url;

    @JsonPropertyDescription("Last update (RFC 3339).")
    private String lastUpdateTime;

    @JsonPropertyDescription("Details.")
    private String message;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ClientPhase getPhase() {
        return phase;
    }

    public void setPhase(ClientPhase phase) {
        this.phase = phase;
    }

    public Integer getReadyReplicas() {
        return readyReplicas;
    }

    public void setReadyReplicas(Integer readyReplicas) {
        this.readyReplicas = readyReplicas;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getLastUpdateTime() {
        return lastUpdateTime;
    }

    public void setLastUpdateTime(String lastUpdateTime) {
        this.lastUpdateTime = lastUpdateTime;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
