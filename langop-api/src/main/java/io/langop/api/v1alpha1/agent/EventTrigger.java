package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Map;

/** An event that starts an event-driven agent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EventTrigger {

    @Required
    @JsonPropertyDescription("Kind of event.")
    private EventTriggerType type;

    @JsonPropertyDescription("Where events come from (webhook path, event reason, queue name...).")
    private String source;

    @JsonPropertyDescription("Attributes an event must carry to start the agent.")
    private Map<String, String> filter;

    public EventTriggerType getType() {
        return type;
    }

    public void setType(EventTriggerType type) {
        this.type = type;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public Map<String, String> getFilter() {
        return filter;
    }

    public void setFilter(Map<String, String> filter) {
        this.filter = filter;
    }
}
