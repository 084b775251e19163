package io.langop.api.v1alpha1.persona;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** How often a topic came up. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TopicFrequency {

  @Required
  @JsonPropertyDescription("Topic.")
  private String topic;

  @Required
  @JsonPropertyDescription("Occurrences.")
  private Long count;

  @JsonPropertyDescription("Share in percent.")
  private Double percentage;

  public String getTopic() {
    return topic;
  }

  public void setTopic(String topic) {
    this.topic = topic;
  }

  public Long getCount() {
    return count;
  }

  public void setCount(Long count) {
    this.count = count;
  }

  public Double getPercentage() {
    return percentage;
  }

  public void setPercentage(Double percentage) {
    this.percentage = percentage;
  }
}
