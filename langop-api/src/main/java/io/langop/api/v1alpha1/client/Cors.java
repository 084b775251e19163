package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import java.util.List;

/** Cross-origin resource sharing of a client. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Cors {

    @Default("false")
    @JsonPropertyDescription("Answer CORS requests.")
    private Boolean enabled;

    @JsonPropertyDescription("Allowed origins.")
    private List<String> allowedOrigins;

    @JsonPropertyDescription("Allowed methods.")
    private List<String> allowedMethods;

    @JsonPropertyDescription("Allowed headers.")
    private List<String> allowedHeaders;

    @Default("false")
    @JsonPropertyDescription("Allow credentials.")
    private Boolean allowCredentials;

    @Min(0)
    @Max(86400)
    @JsonPropertyDescription("Seconds a preflight answer is cached (browsers keep it a day at most).")
    private Integer maxAge;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    public List<String> getAllowedMethods() {
        return allowedMethods;
    }

    public void setAllowedMethods(List<String> allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    public List<String> getAllowedHeaders() {
        return allowedHeaders;
    }

    public void setAllowedHeaders(List<String> allowedHeaders) {
        this.allowedHeaders = allowedHeaders;
    }

    public Boolean getAllowCredentials() {
        return allowCredentials;
    }

    public void setAllowCredentials(Boolean allowCredentials) {
        this.allowCredentials = allowCredentials;
    }

    public Integer getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(Integer maxAge) {
        this.maxAge = maxAge;
    }
}
