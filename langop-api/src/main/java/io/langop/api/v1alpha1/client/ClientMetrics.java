package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.langop.api.v1alpha1.persona.ToolFrequency;
import java.util.List;

/** Usage of a client. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClientMetrics {

    @JsonPropertyDescription("Requests.")
    private Long totalRequests;

    @JsonPropertyDescription("Sessions.")
    private Long totalSessions;

    @JsonPropertyDescription("Messages.")
    private Long totalMessages;

    @JsonPropertyDescription("Tokens.")
    private Long totalTokens;

    @JsonPropertyDescription("Cost in cents.")
    private Long totalCost;

    @JsonPropertyDescription("Average response time in milliseconds.")
    private Integer averageResponseTime;

    @JsonPropertyDescription("Median response time in milliseconds.")
    private Integer p50ResponseTime;

    @JsonPropertyDescription("95th percentile response time in milliseconds.")
    private Integer p95ResponseTime;

    @JsonPropertyDescription("99th percentile response time in milliseconds.")
    private Integer p99ResponseTime;

    @JsonPropertyDescription("Share of failed requests in percent.")
    private Double errorRate;

    @JsonPropertyDescription("Most used models.")
    private List<ModelFrequency> topModels;

    @JsonPropertyDescription("Most used tools.")
    private List<ToolFrequency> topTools;

    @JsonPropertyDescription("Most used personas.")
    private List<PersonaFrequency> topPersonas;

    @JsonPropertyDescription("Returning users in percent.")
    private Double userRetention;

    @JsonPropertyDescription("Average session length in seconds.")
    private Integer averageSessionLength;

    @JsonPropertyDescription("Requests rejected by rate limits.")
    private Long rateLimitHits;

    @JsonPropertyDescription("Messages flagged by moderation.")
    private Long contentModerationFlags;

    public Long getTotalRequests() {
        return totalRequests;
    }

    public void setTotalRequests(Long totalRequests) {
        this.totalRequests = totalRequests;
    }

    public Long getTotalSessions() {
        return totalSessions;
    }

    public void setTotalSessions(Long totalSessions) {
        this.totalSessions = totalSessions;
    }

    public Long getTotalMessages() {
        return totalMessages;
    }

    public void setTotalMessages(Long totalMessages) {
        this.totalMessages = totalMessages;
    }

    public Long getTotalTokens() {
        return totalTokens;
    }

    public void setTotalTokens(Long totalTokens) {
        this.totalTokens = totalTokens;
    }

    public Long getTotalCost() {
        return totalCost;
    }

    public void setTotalCost(Long totalCost) {
        this.totalCost = totalCost;
    }

    public Integer getAverageResponseTime() {
        return averageResponseTime;
    }

    public void setAverageResponseTime(Integer averageResponseTime) {
        this.averageResponseTime = averageResponseTime;
    }

    public Integer getP50ResponseTime() {
        return p50ResponseTime;
    }

    public void setP50ResponseTime(Integer p50ResponseTime) {
        this.p50ResponseTime = p50ResponseTime;
    }

    public Integer getP95ResponseTime() {
        return p95ResponseTime;
    }

    public void setP95ResponseTime(Integer p95ResponseTime) {
        this.p95ResponseTime = p95ResponseTime;
    }

    public Integer getP99ResponseTime() {
        return p99ResponseTime;
    }

    public void setP99ResponseTime(Integer p99ResponseTime) {
        this.p99ResponseTime = p99ResponseTime;
    }

    public Double getErrorRate() {
        return errorRate;
    }

    public void setErrorRate(Double errorRate) {
        this.errorRate = errorRate;
    }

    public List<ModelFrequency> getTopModels() {
        return topModels;
    }

    public void setTopModels(List<ModelFrequency> topModels) {
        this.topModels = topModels;
    }

    public List<ToolFrequency> getTopTools() {
        return topTools;
    }

    public void setTopTools(List<ToolFrequency> topTools) {
        this.topTools = topTools;
    }

    public List<PersonaFrequency> getTopPersonas() {
        return topPersonas;
    }

    public void setTopPersonas(List<PersonaFrequency> topPersonas) {
        this.topPersonas = topPersonas;
    }

    public Double getUserRetention() {
        return userRetention;
    }

    public void setUserRetention(Double userRetention) {
        this.userRetention = userRetention;
    }

    public Integer getAverageSessionLength() {
        return averageSessionLength;
    }

    public void setAverageSessionLength(Integer averageSessionLength) {
        this.averageSessionLength = averageSessionLength;
    }

    public Long getRateLimitHits() {
        return rateLimitHits;
    }

    public void setRateLimitHits(Long rateLimitHits) {
        this.rateLimitHits = rateLimitHits;
    }

    public Long getContentModerationFlags() {
        return contentModerationFlags;
    }

    public void setContentModerationFlags(Long contentModerationFlags) {
        this.contentModerationFlags = contentModerationFlags;
    }
}
