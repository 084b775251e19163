package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.langop.api.v1alpha1.SecretKeyReference;

/** Connection to a session backend. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackendConfig {

    @JsonPropertyDescription("Address of the session backend.")
    private String endpoint;

    @JsonPropertyDescription("Credential of the backend.")
    private SecretKeyReference secretRef;

    @JsonPropertyDescription("Database name (SQL backends).")
    private String database;

    @JsonPropertyDescription("Prefix of the stored keys.")
    private String keyPrefix;

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public SecretKeyReference getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(SecretKeyReference secretRef) {
        this.secretRef = secretRef;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }
}
