package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;

/** Features of a web client. */
@ValidationRule(
        value = "!has(self.showPersonaSelector) || !self.showPersonaSelector",
        message = "showPersonaSelector is not supported yet by the console")
@ValidationRule(
        value = "!has(self.showThinkingProcess) || !self.showThinkingProcess",
        message = "showThinkingProcess is not supported yet by the console")
@ValidationRule(
        value = "!has(self.enableFileUpload) || !self.enableFileUpload",
        message = "enableFileUpload is not supported yet by the console")
@ValidationRule(
        value = "!has(self.enableVoiceInput) || !self.enableVoiceInput",
        message = "enableVoiceInput is not supported yet by the console")
@ValidationRule(
        value = "!has(self.enableSharing) || !self.enableSharing",
        message = "enableSharing is not supported yet by the console")
@ValidationRule(
        value = "!has(self.showCosts) || !self.showCosts",
        message = "showCosts is not supported yet by the console")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UiFeatures {

    @Default("true")
    @JsonPropertyDescription("Show the model selector.")
    private Boolean showModelSelector;

    @Default("false")
    @JsonPropertyDescription("Show the persona selector.")
    private Boolean showPersonaSelector;

    @Default("true")
    @JsonPropertyDescription("Show the tool calls an agent runs for an answer, a line each, as the answer is written.")
    private Boolean showToolUsage;

    @Default("false")
    @JsonPropertyDescription("Show intermediate reasoning.")
    private Boolean showThinkingProcess;

    @Default("false")
    @JsonPropertyDescription("Allow file uploads.")
    private Boolean enableFileUpload;

    @Default("false")
    @JsonPropertyDescription("Allow voice input.")
    private Boolean enableVoiceInput;

    @Default("true")
    @JsonPropertyDescription("Allow exporting conversations.")
    private Boolean enableExport;

    @Default("false")
    @JsonPropertyDescription("Allow sharing conversations.")
    private Boolean enableSharing;

    @Default("true")
    @JsonPropertyDescription("Show message times.")
    private Boolean showTimestamps;

    @Default("false")
    @JsonPropertyDescription("Show cost.")
    private Boolean showCosts;

    public Boolean getShowModelSelector() {
        return showModelSelector;
    }

    public void setShowModelSelector(Boolean showModelSelector) {
        this.showModelSelector = showModelSelector;
    }

    public Boolean getShowPersonaSelector() {
        return showPersonaSelector;
    }

    public void setShowPersonaSelector(Boolean showPersonaSelector) {
        this.showPersonaSelector = showPersonaSelector;
    }

    public Boolean getShowToolUsage() {
        return showToolUsage;
    }

    public void setShowToolUsage(Boolean showToolUsage) {
        this.showToolUsage = showToolUsage;
    }

    public Boolean getShowThinkingProcess() {
        return showThinkingProcess;
    }

    public void setShowThinkingProcess(Boolean showThinkingProcess) {
        this.showThinkingProcess = showThinkingProcess;
    }

    public Boolean getEnableFileUpload() {
        return enableFileUpload;
    }

    public void setEnableFileUpload(Boolean enableFileUpload) {
        this.enableFileUpload = enableFileUpload;
    }

    public Boolean getEnableVoiceInput() {
        return enableVoiceInput;
    }

    public void setEnableVoiceInput(Boolean enableVoiceInput) {
        this.enableVoiceInput = enableVoiceInput;
    }

    public Boolean getEnableExport() {
        return enableExport;
    }

    public void setEnableExport(Boolean enableExport) {
        this.enableExport = enableExport;
    }

    public Boolean getEnableSharing() {
        return enableSharing;
    }

    public void setEnableSharing(Boolean enableSharing) {
        this.enableSharing = enableSharing;
    }

    public Boolean getShowTimestamps() {
        return showTimestamps;
    }

    public void setShowTimestamps(Boolean showTimestamps) {
        this.showTimestamps = showTimestamps;
    }

    public Boolean getShowCosts() {
        return showCosts;
    }

    public void setShowCosts(Boolean showCosts) {
        this.showCosts = showCosts;
    }
}
