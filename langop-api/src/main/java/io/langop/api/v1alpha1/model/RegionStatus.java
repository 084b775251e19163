package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Health of one region. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RegionStatus {

    @Required
    @JsonPropertyDescription("Region name.")
    private String name;

    @Required
    @JsonPropertyDescription("Whether the region answers.")
    private Boolean available;

    @JsonPropertyDescription("Latency in milliseconds.")
    private Integer latency;

    @JsonPropertyDescription("Time of the last check (RFC 3339).")
    private String lastCheck;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Boolean getAvailable() {
        return available;
    }

    public void setAvailable(Boolean available) {
        this.available = available;
    }

    public Integer getLatency() {
        return latency;
    }

    public void setLatency(Integer latency) {
        this.latency = latency;
    }

    public String getLastCheck() {
        return lastCheck;
    }

    public void setLastCheck(String lastCheck) {
        this.lastCheck = lastCheck;
    }
}
