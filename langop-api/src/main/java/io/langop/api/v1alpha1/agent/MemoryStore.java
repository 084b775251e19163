package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;
import io.langop.api.v1alpha1.SecretKeyReference;

/** Conversation memory of an agent. */
@ValidationRule(
        value = "self.type == 'ephemeral' || has(self.connectionSecretRef)",
        message = "redis, postgres and s3 memory stores need connectionSecretRef")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MemoryStore {

    @Default("ephemeral")
    @JsonPropertyDescription("Backend of the memory store.")
    private MemoryStoreType type;

    @JsonPropertyDescription("Secret with the connection string of the backend.")
    private SecretKeyReference connectionSecretRef;

    @JsonPropertyDescription("How long memory is kept.")
    private RetentionPolicy retentionPolicy;

    @Min(1)
    @JsonPropertyDescription("Conversations kept at the same time.")
    private Integer maxConversations;

    public MemoryStoreType getType() {
        return type;
    }

    public void setType(MemoryStoreType type) {
        this.type = type;
    }

    public SecretKeyReference getConnectionSecretRef() {
        return connectionSecretRef;
    }

    public void setConnectionSecretRef(SecretKeyReference connectionSecretRef) {
        this.connectionSecretRef = connectionSecretRef;
    }

    public RetentionPolicy getRetentionPolicy() {
        return retentionPolicy;
    }

    public void setRetentionPolicy(RetentionPolicy retentionPolicy) {
        this.retentionPolicy = retentionPolicy;
    }

    public Integer getMaxConversations() {
        return maxConversations;
    }

    public void setMaxConversations(Integer maxConversations) {
        this.maxConversations = maxConversations;
    }
}
