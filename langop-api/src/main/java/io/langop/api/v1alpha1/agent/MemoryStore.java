package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;
import io.langop.api.v1alpha1.NetworkRule;
import io.langop.api.v1alpha1.SecretKeyReference;

/**
 * Where an agent's memory (state between runs, documents, conversations) is kept: {@code ephemeral}, files under
 * the agent's workspace (kept between runs as long as the workspace volume is), or a Redis, Postgres or
 * S3-compatible store whose connection string a Secret holds (docs/memory.md).
 */
@ValidationRule(
        value = "self.type == 'ephemeral' || has(self.connectionSecretRef)",
        message = "redis, postgres and s3 memory stores need connectionSecretRef")
@ValidationRule(
        value = "!has(self.maxConversations)",
        message = "maxConversations is not supported yet: conversations are kept until deleted")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MemoryStore {

    @Default("ephemeral")
    @JsonPropertyDescription("Backend of the memory store.")
    private MemoryStoreType type;

    @JsonPropertyDescription(
            "Secret key holding the connection string with its credentials: redis[s]://[user:password@]host:port[/db],"
                    + " postgresql://user:password@host:port/database, s3[+http]://ACCESS_KEY:SECRET_KEY@host[:port]/bucket[/prefix]."
                    + " It reaches the agent as an environment variable from the Secret; the operator never reads it.")
    private SecretKeyReference connectionSecretRef;

    @JsonPropertyDescription(
            "Where the store is, for the agent's egress policy (e.g. to.service or to.dns, and the port); without it"
                    + " the store must be allowed by spec.egress.")
    private NetworkRule egress;

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

    public NetworkRule getEgress() {
        return egress;
    }

    public void setEgress(NetworkRule egress) {
        this.egress = egress;
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
