package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** Outcome of the last code synthesis. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SynthesisStatus {

    @JsonPropertyDescription("Model that wrote the current code.")
    private String model;

    @JsonPropertyDescription("Duration of the last synthesis in milliseconds.")
    private Long durationMillis;

    @JsonPropertyDescription("LLM calls (first draft plus repairs) of the last synthesis.")
    private Integer attempts;

    @JsonPropertyDescription("Prompt tokens of the last synthesis.")
    private Long promptTokens;

    @JsonPropertyDescription("Completion tokens of the last synthesis.")
    private Long completionTokens;

    @JsonPropertyDescription("SHA-256 of the current agent code.")
    private String codeHash;

    @JsonPropertyDescription(
            "SHA-256 of the inputs (instructions, tools, models, persona) that produced the current " + "code.")
    private String inputHash;

    @JsonPropertyDescription("When the last synthesis finished (RFC 3339).")
    private String time;

    @JsonPropertyDescription("Compiler and policy errors of the last failed synthesis.")
    private List<String> lastErrors;

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public Long getDurationMillis() {
        return durationMillis;
    }

    public void setDurationMillis(Long durationMillis) {
        this.durationMillis = durationMillis;
    }

    public Integer getAttempts() {
        return attempts;
    }

    public void setAttempts(Integer attempts) {
        this.attempts = attempts;
    }

    public Long getPromptTokens() {
        return promptTokens;
    }

    public void setPromptTokens(Long promptTokens) {
        this.promptTokens = promptTokens;
    }

    public Long getCompletionTokens() {
        return completionTokens;
    }

    public void setCompletionTokens(Long completionTokens) {
        this.completionTokens = completionTokens;
    }

    public String getCodeHash() {
        return codeHash;
    }

    public void setCodeHash(String codeHash) {
        this.codeHash = codeHash;
    }

    public String getInputHash() {
        return inputHash;
    }

    public void setInputHash(String inputHash) {
        this.inputHash = inputHash;
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }

    public List<String> getLastErrors() {
        return lastErrors;
    }

    public void setLastErrors(List<String> lastErrors) {
        this.lastErrors = lastErrors;
    }
}
