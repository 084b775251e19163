package io.langop.api.v1alpha1.persona;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;
import io.langop.api.v1alpha1.Patterns;
import java.util.List;

/** Limits of a persona. */
@ValidationRule(
        value = "!has(self.maxKnowledgeQueries)",
        message = "maxKnowledgeQueries is not supported yet: knowledge sources are not supported yet")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PersonaConstraints {

    @Min(1)
    @JsonPropertyDescription("Tokens per answer.")
    private Integer maxResponseTokens;

    @Min(0)
    @JsonPropertyDescription("Tool calls per answer.")
    private Integer maxToolCalls;

    @Min(0)
    @JsonPropertyDescription("Knowledge queries per answer.")
    private Integer maxKnowledgeQueries;

    @Pattern(Patterns.DURATION)
    @JsonPropertyDescription("Time allowed for one answer.")
    private String responseTimeout;

    @Default("false")
    @JsonPropertyDescription("Every claim needs a source.")
    private Boolean requireDocumentation;

    @JsonPropertyDescription("Topics the persona refuses.")
    private List<String> blockedTopics;

    @JsonPropertyDescription("Web domains the persona may cite or fetch.")
    private List<String> allowedDomains;

    public Integer getMaxResponseTokens() {
        return maxResponseTokens;
    }

    public void setMaxResponseTokens(Integer maxResponseTokens) {
        this.maxResponseTokens = maxResponseTokens;
    }

    public Integer getMaxToolCalls() {
        return maxToolCalls;
    }

    public void setMaxToolCalls(Integer maxToolCalls) {
        this.maxToolCalls = maxToolCalls;
    }

    public Integer getMaxKnowledgeQueries() {
        return maxKnowledgeQueries;
    }

    public void setMaxKnowledgeQueries(Integer maxKnowledgeQueries) {
        this.maxKnowledgeQueries = maxKnowledgeQueries;
    }

    public String getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(String responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Boolean getRequireDocumentation() {
        return requireDocumentation;
    }

    public void setRequireDocumentation(Boolean requireDocumentation) {
        this.requireDocumentation = requireDocumentation;
    }

    public List<String> getBlockedTopics() {
        return blockedTopics;
    }

    public void setBlockedTopics(List<String> blockedTopics) {
        this.blockedTopics = blockedTopics;
    }

    public List<String> getAllowedDomains() {
        return allowedDomains;
    }

    public void setAllowedDomains(List<String> allowedDomains) {
        this.allowedDomains = allowedDomains;
    }
}
