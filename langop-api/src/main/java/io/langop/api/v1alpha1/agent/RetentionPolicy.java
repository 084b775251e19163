package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;
import io.langop.api.v1alpha1.Patterns;

/** How long conversation memory is kept. */
@ValidationRule(value = "!has(self.maxAge)", message = "retentionPolicy.maxAge is not supported yet: use maxMessages")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RetentionPolicy {

    @Pattern(Patterns.RETENTION_AGE)
    @JsonPropertyDescription("Age after which memory is dropped, e.g. 7d, 2w, 1m, 1y.")
    private String maxAge;

    @Min(1)
    @JsonPropertyDescription("Messages kept per conversation.")
    private Integer maxMessages;

    public String getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(String maxAge) {
        this.maxAge = maxAge;
    }

    public Integer getMaxMessages() {
        return maxMessages;
    }

    public void setMaxMessages(Integer maxMessages) {
        this.maxMessages = maxMessages;
    }
}
