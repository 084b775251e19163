package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.langop.api.v1alpha1.ServiceWorkloadStatus;
import java.util.List;
import java.util.Map;

/** Observed state of a LanguageClient. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LanguageClientStatus extends ServiceWorkloadStatus {

    @JsonPropertyDescription("Lifecycle phase.")
    private ClientPhase phase;

    @JsonPropertyDescription("Primary URL.")
    private String url;

    @JsonProperty("regionalURLs")
    @JsonPropertyDescription("URL per region.")
    private Map<String, String> regionalURLs;

    @JsonPropertyDescription("Open sessions.")
    private Integer activeSessions;

    @JsonPropertyDescription("Users seen.")
    private Long totalUsers;

    @JsonPropertyDescription("Usage.")
    private ClientMetrics metrics;

    @JsonPropertyDescription("State per region.")
    private List<ClientRegionStatus> regionStatus;

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

    public Map<String, String> getRegionalURLs() {
        return regionalURLs;
    }

    public void setRegionalURLs(Map<String, String> regionalURLs) {
        this.regionalURLs = regionalURLs;
    }

    public Integer getActiveSessions() {
        return activeSessions;
    }

    public void setActiveSessions(Integer activeSessions) {
        this.activeSessions = activeSessions;
    }

    public Long getTotalUsers() {
        return totalUsers;
    }

    public void setTotalUsers(Long totalUsers) {
        this.totalUsers = totalUsers;
    }

    public ClientMetrics getMetrics() {
        return metrics;
    }

    public void setMetrics(ClientMetrics metrics) {
        this.metrics = metrics;
    }

    public List<ClientRegionStatus> getRegionStatus() {
        return regionStatus;
    }

    public void setRegionStatus(List<ClientRegionStatus> regionStatus) {
        this.regionStatus = regionStatus;
    }
}
