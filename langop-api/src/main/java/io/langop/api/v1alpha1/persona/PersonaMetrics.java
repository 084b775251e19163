package io.langop.api.v1alpha1.persona;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;

/** Usage of a persona. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PersonaMetrics {

    @JsonPropertyDescription("Interactions.")
    private Long totalInteractions;

    @JsonPropertyDescription("Average answer length in characters.")
    private Integer averageResponseLength;

    @JsonPropertyDescription("Average tool calls per answer.")
    private Double averageToolCalls;

    @JsonPropertyDescription("Activations per rule.")
    private Map<String, Long> ruleActivations;

    @JsonPropertyDescription("Most used tools.")
    private List<ToolFrequency> topTools;

    @JsonPropertyDescription("Most frequent topics.")
    private List<TopicFrequency> topTopics;

    @JsonPropertyDescription("User satisfaction, 0 to 100.")
    private Double userSatisfaction;

    public Long getTotalInteractions() {
        return totalInteractions;
    }

    public void setTotalInteractions(Long totalInteractions) {
        this.totalInteractions = totalInteractions;
    }

    public Integer getAverageResponseLength() {
        return averageResponseLength;
    }

    public void setAverageResponseLength(Integer averageResponseLength) {
        this.averageResponseLength = averageResponseLength;
    }

    public Double getAverageToolCalls() {
        return averageToolCalls;
    }

    public void setAverageToolCalls(Double averageToolCalls) {
        this.averageToolCalls = averageToolCalls;
    }

    public Map<String, Long> getRuleActivations() {
        return ruleActivations;
    }

    public void setRuleActivations(Map<String, Long> ruleActivations) {
        this.ruleActivations = ruleActivations;
    }

    public List<ToolFrequency> getTopTools() {
        return topTools;
    }

    public void setTopTools(List<ToolFrequency> topTools) {
        this.topTools = topTools;
    }

    public List<TopicFrequency> getTopTopics() {
        return topTopics;
    }

    public void setTopTopics(List<TopicFrequency> topTopics) {
        this.topTopics = topTopics;
    }

    public Double getUserSatisfaction() {
        return userSatisfaction;
    }

    public void setUserSatisfaction(Double userSatisfaction) {
        this.userSatisfaction = userSatisfaction;
    }
}
