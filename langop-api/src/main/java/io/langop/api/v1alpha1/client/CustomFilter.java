package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.langop.api.v1alpha1.FilterAction;

/** A custom moderation filter. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CustomFilter {

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Filter name.")
    private String name;

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Regular expression.")
    private String pattern;

    @JsonPropertyDescription("What happens on a match; contentModeration.action when unset.")
    private FilterAction action;

    @JsonPropertyDescription("Message shown on a match.")
    private String message;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPattern() {
        return pattern;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public FilterAction getAction() {
        return action;
    }

    public void setAction(FilterAction action) {
        this.action = action;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
