package io.langop.api.v1alpha1.persona;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** A few-shot example of a persona. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PersonaExample {

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("User input.")
    private String input;

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Expected answer.")
    private String output;

    @JsonPropertyDescription("Situation of the example.")
    private String context;

    @JsonPropertyDescription("Tags.")
    private List<String> tags;

    public String getInput() {
        return input;
    }

    public void setInput(String input) {
        this.input = input;
    }

    public String getOutput() {
        return output;
    }

    public void setOutput(String output) {
        this.output = output;
    }

    public String getContext() {
        return context;
    }

    public void setContext(String context) {
        this.context = context;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags;
    }
}
