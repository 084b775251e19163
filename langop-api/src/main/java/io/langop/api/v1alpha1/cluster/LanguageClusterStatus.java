package io.langop.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.langop.api.v1alpha1.ResourceStatus;

/** Observed state of a LanguageCluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LanguageClusterStatus extends ResourceStatus {

    @JsonPropertyDescription("Lifecycle phase.")
    private ClusterPhase phase;

    @JsonPropertyDescription("LanguageAgents in the cluster.")
    private Integer agents;

    @JsonPropertyDescription("LanguageModels in the cluster.")
    private Integer models;

    @JsonPropertyDescription("LanguageTools in the cluster.")
    private Integer tools;

    @JsonPropertyDescription("LanguagePersonas in the cluster.")
    private Integer personas;

    @JsonPropertyDescription("LanguageClients in the cluster.")
    private Integer clients;

    @JsonPropertyDescription("What the cluster's model proxies served since they last started (costMetrics.lastReset).")
    private ClusterMetrics metrics;

    @JsonPropertyDescription("Cost at the cluster's model proxies since they last started.")
    private ClusterCostMetrics costMetrics;

    public ClusterMetrics getMetrics() {
        return metrics;
    }

    public void setMetrics(ClusterMetrics metrics) {
        this.metrics = metrics;
    }

    public ClusterCostMetrics getCostMetrics() {
        return costMetrics;
    }

    public void setCostMetrics(ClusterCostMetrics costMetrics) {
        this.costMetrics = costMetrics;
    }

    public ClusterPhase getPhase() {
        return phase;
    }

    public void setPhase(ClusterPhase phase) {
        this.phase = phase;
    }

    public Integer getAgents() {
        return agents;
    }

    public void setAgents(Integer agents) {
        this.agents = agents;
    }

    public Integer getModels() {
        return models;
    }

    public void setModels(Integer models) {
        this.models = models;
    }

    public Integer getTools() {
        return tools;
    }

    public void setTools(Integer tools) {
        this.tools = tools;
    }

    public Integer getPersonas() {
        return personas;
    }

    public void setPersonas(Integer personas) {
        this.personas = personas;
    }

    public Integer getClients() {
        return clients;
    }

    public void setClients(Integer clients) {
        this.clients = clients;
    }
}
