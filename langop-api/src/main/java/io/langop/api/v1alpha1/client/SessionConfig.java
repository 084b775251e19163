package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;
import io.langop.api.v1alpha1.Patterns;

/** Sessions of a client. */
@ValidationRule(
        value = "self.backend == 'memory' || has(self.backendConfig)",
        message = "redis and postgres session backends need backendConfig")
@ValidationRule(
        value = "self.backend != 'dynamodb'",
        message = "session backend dynamodb is not supported yet: use memory, redis or postgres")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SessionConfig {

    @Default("memory")
    @JsonPropertyDescription("Where the console keeps conversations: memory, redis or postgres (through backendConfig);"
            + " dynamodb is not supported yet.")
    private SessionBackend backend;

    @JsonPropertyDescription("Connection to the backend.")
    private BackendConfig backendConfig;

    @Default("24h")
    @Pattern(Patterns.DURATION)
    @JsonPropertyDescription("Lifetime of an idle session.")
    private String ttl;

    @Default("100")
    @Min(1)
    @JsonPropertyDescription("Messages kept per session.")
    private Integer maxMessagesPerSession;

    @Default("false")
    @JsonPropertyDescription("Keep sessions across restarts.")
    private Boolean enablePersistence;

    @JsonPropertyDescription("Session cookie.")
    private CookieConfig cookieConfig;

    public SessionBackend getBackend() {
        return backend;
    }

    public void setBackend(SessionBackend backend) {
        this.backend = backend;
    }

    public BackendConfig getBackendConfig() {
        return backendConfig;
    }

    public void setBackendConfig(BackendConfig backendConfig) {
        this.backendConfig = backendConfig;
    }

    public String getTtl() {
        return ttl;
    }

    public void setTtl(String ttl) {
        this.ttl = ttl;
    }

    public Integer getMaxMessagesPerSession() {
        return maxMessagesPerSession;
    }

    public void setMaxMessagesPerSession(Integer maxMessagesPerSession) {
        this.maxMessagesPerSession = maxMessagesPerSession;
    }

    public Boolean getEnablePersistence() {
        return enablePersistence;
    }

    public void setEnablePersistence(Boolean enablePersistence) {
        this.enablePersistence = enablePersistence;
    }

    public CookieConfig getCookieConfig() {
        return cookieConfig;
    }

    public void setCookieConfig(CookieConfig cookieConfig) {
        this.cookieConfig = cookieConfig;
    }
}
