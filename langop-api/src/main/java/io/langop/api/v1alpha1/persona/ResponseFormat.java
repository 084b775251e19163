package io.langop.api.v1alpha1.persona;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** How a persona formats its answers. */
@ValidationRule(
        value = "!(self.type in ['json', 'structured']) || !has(self.template)",
        message = "json and structured answers use schema, not template")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResponseFormat {

    @Default("text")
    @JsonPropertyDescription("Shape of the answers.")
    private ResponseFormatType type;

    @JsonPropertyDescription("Template the answers follow.")
    private String template;

    @JsonPropertyDescription("JSON schema of structured answers.")
    private String schema;

    @Min(1)
    @JsonPropertyDescription("Maximum answer length in characters.")
    private Integer maxLength;

    @Default("false")
    @JsonPropertyDescription("Cite sources.")
    private Boolean includeSources;

    @Default("false")
    @JsonPropertyDescription("State a confidence.")
    private Boolean includeConfidence;

    public ResponseFormatType getType() {
        return type;
    }

    public void setType(ResponseFormatType type) {
        this.type = type;
    }

    public String getTemplate() {
        return template;
    }

    public void setTemplate(String template) {
        this.template = template;
    }

    public String getSchema() {
        return schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    public Integer getMaxLength() {
        return maxLength;
    }

    public void setMaxLength(Integer maxLength) {
        this.maxLength = maxLength;
    }

    public Boolean getIncludeSources() {
        return includeSources;
    }

    public void setIncludeSources(Boolean includeSources) {
        this.includeSources = includeSources;
    }

    public Boolean getIncludeConfidence() {
        return includeConfidence;
    }

    public void setIncludeConfidence(Boolean includeConfidence) {
        this.includeConfidence = includeConfidence;
    }
}
