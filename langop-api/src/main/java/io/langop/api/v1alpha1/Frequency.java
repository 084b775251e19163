package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * One row of a usage ranking (top models, tools, personas, topics): how often something occurred and
 * its share of the total. The subclasses name what is counted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class Frequency {

    @Required
    @JsonPropertyDescription("How often it occurred (requests, calls, uses).")
    private Long count;

    @JsonPropertyDescription("Share of the total in percent.")
    private Double percentage;

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
