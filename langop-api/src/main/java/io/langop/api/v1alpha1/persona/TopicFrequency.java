package io.langop.api.v1alpha1.persona;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.langop.api.v1alpha1.Frequency;

/** How often a topic came up. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TopicFrequency extends Frequency {

    @Required
    @JsonPropertyDescription("Topic.")
    private String topic;

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }
}
