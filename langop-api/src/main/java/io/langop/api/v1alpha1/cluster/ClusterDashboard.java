package io.langop.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.langop.api.v1alpha1.SecretKeyReference;

/**
 * The cluster's dashboard: the langop console in dashboard mode in the cluster's namespace, reading (never
 * writing) the cluster's objects, their events, pods and logs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClusterDashboard {

    // no schema default: unset means the operator's default, which a chart value turns on for every cluster
    @JsonPropertyDescription("Run the dashboard (Deployment and Service <cluster>-dashboard) in the cluster's"
            + " namespace. Unset: the operator's default (off unless its chart sets dashboard.enabledByDefault).")
    private Boolean enabled;

    @JsonPropertyDescription("Secret whose key holds the API keys that may sign in, one a line: name:key or a bare"
            + " key. Without it (and without oidc) the dashboard is open to whoever reaches its Service.")
    private SecretKeyReference apiKeySecretRef;

    @JsonPropertyDescription("Sign people in through an OpenID Connect provider (beside the API keys, if any);"
            + " programs may send the issuer's access tokens as bearer tokens.")
    private DashboardOidc oidc;

    @Size(min = 1)
    @JsonPropertyDescription("The console image to run; default the operator's langop-console image.")
    private String image;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public SecretKeyReference getApiKeySecretRef() {
        return apiKeySecretRef;
    }

    public void setApiKeySecretRef(SecretKeyReference apiKeySecretRef) {
        this.apiKeySecretRef = apiKeySecretRef;
    }

    public DashboardOidc getOidc() {
        return oidc;
    }

    public void setOidc(DashboardOidc oidc) {
        this.oidc = oidc;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }
}
