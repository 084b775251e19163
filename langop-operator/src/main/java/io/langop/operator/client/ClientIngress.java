package io.langop.operator.client;

import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLSBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.langop.api.v1alpha1.client.ClientTls;
import io.langop.api.v1alpha1.client.IngressSpec;
import io.langop.api.v1alpha1.client.LanguageClient;
import io.langop.api.v1alpha1.client.PathType;
import io.langop.operator.kube.Owners;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ingress {@code <client>-client} routing {@code spec.ingress.hosts} to the client's Service. With
 * {@code spec.tls.certManager} the Ingress asks cert-manager for the certificate (annotation
 * {@code cert-manager.io/issuer}) into Secret {@code <client>-client-tls} unless the ingress names
 * its own TLS entries.
 */
@KubernetesDependent(informer = @Informer(labelSelector = ClientObjects.SELECTOR))
public class ClientIngress extends CRUDKubernetesDependentResource<Ingress, LanguageClient> {

    /** By name: a disabled ingress no longer describes the object that is to be deleted. */
    @Override
    protected ResourceID targetSecondaryResourceID(LanguageClient client, Context<LanguageClient> context) {
        return ClientObjects.id(client);
    }

    static final String ISSUER_ANNOTATION = "cert-manager.io/issuer";

    @Override
    protected Ingress desired(LanguageClient client, Context<LanguageClient> context) {
        return of(client);
    }

    static Ingress of(LanguageClient client) {
        IngressSpec ingress = client.getSpec().getIngress();
        Map<String, String> annotations =
                new LinkedHashMap<>(Objects.requireNonNullElse(ingress.getAnnotations(), Map.of()));
        ClientTls tls = client.getSpec().getTls();
        if (certManager(tls) && tls.getCertManagerIssuer() != null) {
            annotations.putIfAbsent(ISSUER_ANNOTATION, tls.getCertManagerIssuer());
        }
        return new IngressBuilder()
                .withNewMetadata()
                .withName(ClientObjects.name(client))
                .withNamespace(client.getMetadata().getNamespace())
                .withLabels(ClientObjects.labels(client))
                .withAnnotations(annotations)
                .withOwnerReferences(Owners.controller(client))
                .endMetadata()
                .withNewSpec()
                .withIngressClassName(ingress.getClassName())
                .withRules(ingress.getHosts().stream()
                        .map(host -> rule(client, host, ingress))
                        .toList())
                .withTls(tls(client, ingress))
                .endSpec()
                .build();
    }

    private static IngressRule rule(LanguageClient client, String host, IngressSpec ingress) {
        HTTPIngressPath path = new HTTPIngressPathBuilder()
                .withPath(Objects.requireNonNullElse(ingress.getPath(), "/"))
                .withPathType(pathType(ingress.getPathType()))
                .withNewBackend()
                .withNewService()
                .withName(ClientObjects.name(client))
                .withNewPort()
                .withName(ClientObjects.PORT_NAME)
                .endPort()
                .endService()
                .endBackend()
                .build();
        return new IngressRuleBuilder()
                .withHost(host)
                .withNewHttp()
                .withPaths(path)
                .endHttp()
                .build();
    }

    static List<IngressTLS> tls(LanguageClient client, IngressSpec ingress) {
        if (ingress.getTls() != null && !ingress.getTls().isEmpty()) {
            return ingress.getTls();
        }
        if (certManager(client.getSpec().getTls())) {
            return List.of(new IngressTLSBuilder()
                    .withHosts(ingress.getHosts())
                    .withSecretName(ClientObjects.name(client) + "-tls")
                    .build());
        }
        return List.of();
    }

    private static boolean certManager(ClientTls tls) {
        return tls != null && Boolean.TRUE.equals(tls.getEnabled()) && Boolean.TRUE.equals(tls.getCertManager());
    }

    private static String pathType(PathType type) {
        return switch (type == null ? PathType.PREFIX : type) {
            case EXACT -> "Exact";
            case PREFIX -> "Prefix";
            case IMPLEMENTATION_SPECIFIC -> "ImplementationSpecific";
        };
    }

    static boolean enabled(LanguageClient client) {
        IngressSpec ingress = client.getSpec().getIngress();
        return ingress != null
                && Boolean.TRUE.equals(ingress.getEnabled())
                && ingress.getHosts() != null
                && !ingress.getHosts().isEmpty();
    }

    /** Only an enabled ingress with hosts; disabling it deletes the object. */
    public static class Enabled implements Condition<Ingress, LanguageClient> {
        @Override
        public boolean isMet(
                DependentResource<Ingress, LanguageClient> dependent,
                LanguageClient client,
                Context<LanguageClient> context) {
            return enabled(client);
        }
    }
}
