package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.langop.api.v1alpha1.ServiceWorkloadStatus;

/** Observed state of a LanguageClient. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LanguageClientStatus extends ServiceWorkloadStatus {

    @JsonPropertyDescription("Lifecycle phase.")
    private ClientPhase phase;

    @JsonPropertyDescription("Primary URL.")
    private String url;

    public ClientPhase getPhase() {
        return phase;
    }

    public void setPhase(ClientPhase phase) {
        this.phase = phase;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }
}
