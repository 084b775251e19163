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
@ValidationRule(
        value = "self.type != 'toxic'",
        message = "content filter type toxic is not supported yet: it needs a classification model; use pii,"
                + " profanity or a custom pattern")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ContentFilter {

    @Required
    @JsonPropertyDescription("What the filter detects: pii (e-mail addresses, phone numbers, payment card numbers,"
            + " IBANs, API keys), profanity (an English word list), custom (pattern); toxic is not supported yet.")
    private ContentFilterType type;

    @Default("block")
    @JsonPropertyDescription("What happens on a match in what the agent reads or writes: block stops the run (or"
            + " refuses the chat request), warn and log write a log line naming the kind of match, not the text.")
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
