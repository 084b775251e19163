package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.langop.api.v1alpha1.FilterAction;

/** A filter applied to agent input and output. */
@ValidationRule(
        value = "self.type != 'custom' || has(self.pattern)",
        message = "a custom content filter needs a pattern")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ContentFilter {

    @Required
    @JsonPropertyDescription("What the filter detects.")
    private ContentFilterType type;

    @Default("block")
    @JsonPropertyDescription("What happens on a match.")
    private FilterAction action;

    @JsonPropertyDescription("Regular expression of a custom filter.")
    private String pattern;

    public ContentFilterType getType() {
        return type;
    }

    public void setType(ContentFilterType type) {
        this.type = type;
    }

    public FilterAction getAction() {
        return action;
    }

    public void setAction(FilterAction action) {
        this.action = action;
    }

    public String getPattern() {
        return pattern;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }
}
