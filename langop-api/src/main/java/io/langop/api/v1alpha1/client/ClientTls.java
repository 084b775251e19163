package io.langop.api.v1alpha1.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.LocalObjectReference;

/** TLS of a client. */
@ValidationRule(
        value = "!self.enabled || has(self.secretRef) || self.certManager",
        message = "enabled TLS needs secretRef or certManager")
@ValidationRule(
        value = "!self.certManager || has(self.certManagerIssuer)",
        message = "certManager needs certManagerIssuer")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClientTls {

    @Default("false")
    @JsonPropertyDescription("Serve HTTPS.")
    private Boolean enabled;

    @JsonPropertyDescription("kubernetes.io/tls Secret with the certificate.")
    private LocalObjectReference secretRef;

    @Default("false")
    @JsonPropertyDescription("Let cert-manager issue the certificate.")
    private Boolean certManager;

    @JsonPropertyDescription("cert-manager issuer.")
    private String certManagerIssuer;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public LocalObjectReference getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(LocalObjectReference secretRef) {
        this.secretRef = secretRef;
    }

    public Boolean getCertManager() {
        return certManager;
    }

    public void setCertManager(Boolean certManager) {
        this.certManager = certManager;
    }

    public String getCertManagerIssuer() {
        return certManagerIssuer;
    }

    public void setCertManagerIssuer(String certManagerIssuer) {
        this.certManagerIssuer = certManagerIssuer;
    }
}
