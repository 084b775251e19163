package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.langop.api.v1alpha1.ModelTrafficLimits;

/** Rate limits the model proxy enforces. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelRateLimits extends ModelTrafficLimits {

    @Min(1)
    @JsonPropertyDescription("Requests in flight at the same time.")
    private Integer concurrentRequests;

    public Integer getConcurrentRequests() {
        return concurrentRequests;
    }

    public void setConcurrentRequests(Integer concurrentRequests) {
        this.concurrentRequests = concurrentRequests;
    }
}
