package io.langop.api.v1alpha1.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.langop.api.v1alpha1.NetworkRule;
import io.langop.api.v1alpha1.Patterns;
import io.langop.api.v1alpha1.SecretKeyReference;

/**
 * The Redis the replicas of a model proxy share, so that together they enforce one rate limit, report one usage
 * total and (with {@code caching.backend: redis}) keep one response cache (docs/memory.md).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProxySharedState {

    @Required
    @JsonPropertyDescription(
            "Secret key holding the Redis connection string, redis[s]://[user:password@]host:port[/database]. It is"
                    + " mounted into the proxy pods; the operator never reads it. A single Redis (or a primary behind"
                    + " one address), not Redis Cluster.")
    private SecretKeyReference connectionSecretRef;

    @JsonPropertyDescription(
            "Where Redis is, for the proxy's egress policy (e.g. to.service or to.dns, and the port); without it"
                    + " Redis must be allowed by spec.egress.")
    private NetworkRule egress;

    @Pattern(Patterns.DURATION)
    @JsonPropertyDescription(
            "Bound on each call to Redis (default 200ms). A call that takes longer counts as Redis being down: the"
                    + " cache is skipped, each replica keeps its share of every rate limit and usage waits in memory.")
    private String timeout;

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

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }
}
