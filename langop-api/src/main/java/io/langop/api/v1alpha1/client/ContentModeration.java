package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.langop.api.v1alpha1.FilterAction;
import java.util.List;

/** Moderation of client messages. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ContentModeration {

    @Default("false")
    @JsonPropertyDescription("Moderate content.")
    private Boolean enabled;

    @Default("false")
    @JsonPropertyDescription("Filter profanity.")
    private Boolean filterProfanity;

    @Default("false")
    @JsonProperty("filterPII")
    @JsonPropertyDescription("Filter personal data.")
    private Boolean filterPII;

    @Default("false")
    @JsonPropertyDescription("Filter toxic content.")
    private Boolean filterToxic;

    @JsonPropertyDescription("Custom filters.")
    private List<CustomFilter> customFilters;

    @Default("warn")
    @JsonPropertyDescription("What happens on a match.")
    private FilterAction action;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public Boolean getFilterProfanity() {
        return filterProfanity;
    }

    public void setFilterProfanity(Boolean filterProfanity) {
        this.filterProfanity = filterProfanity;
    }

    public Boolean getFilterPII() {
        return filterPII;
    }

    public void setFilterPII(Boolean filterPII) {
        this.filterPII = filterPII;
    }

    public Boolean getFilterToxic() {
        return filterToxic;
    }

    public void setFilterToxic(Boolean filterToxic) {
        this.filterToxic = filterToxic;
    }

    public List<CustomFilter> getCustomFilters() {
        return customFilters;
    }

    public void setCustomFilters(List<CustomFilter> customFilters) {
        this.customFilters = customFilters;
    }

    public FilterAction getAction() {
        return action;
    }

    public void setAction(FilterAction action) {
        this.action = action;
    }
}
