package io.langop.api.v1alpha1.persona;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.langop.api.v1alpha1.SecretKeyReference;

/** Knowledge a persona draws on. */
@ValidationRule(
        value = "!(self.type in ['url', 'api']) || has(self.url)",
        message = "url and api knowledge sources need a url")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KnowledgeSource {

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Name of the source.")
    private String name;

    @Required
    @JsonPropertyDescription("Kind of source.")
    private KnowledgeSourceType type;

    @JsonPropertyDescription("Location of the source.")
    private String url;

    @JsonPropertyDescription("Credential for the source.")
    private SecretKeyReference secretRef;

    @JsonPropertyDescription("Query run against the source.")
    private String query;

    @Min(0)
    @JsonPropertyDescription("Lower values are consulted first.")
    private Integer priority;

    @Default("true")
    @JsonPropertyDescription("Whether the source is used.")
    private Boolean enabled;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public KnowledgeSourceType getType() {
        return type;
    }

    public void setType(KnowledgeSourceType type) {
        this.type = type;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public SecretKeyReference getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(SecretKeyReference secretRef) {
        this.secretRef = secretRef;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }
}
