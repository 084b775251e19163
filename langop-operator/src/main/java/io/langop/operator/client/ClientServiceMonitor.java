package io.langop.operator.client;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.langop.api.v1alpha1.client.LanguageClient;
import io.langop.api.v1alpha1.client.Monitoring;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.Owners;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Prometheus Operator's ServiceMonitor {@code <client>-client} for a client whose {@code spec.monitoring} asks
 * for one: it selects the client's Service and scrapes its {@code http} port at {@code metricsPath}, and carries
 * {@code additionalLabels} (the labels a Prometheus picks its monitors by). The kind only exists where that
 * operator's CRD is installed ({@link CrdInstalled}).
 */
@KubernetesDependent(informer = @Informer(labelSelector = ClientObjects.SELECTOR))
public class ClientServiceMonitor extends CRUDKubernetesDependentResource<ServiceMonitor, LanguageClient> {

    static final String NAME = "service-monitor";
    static final String CRD = HasMetadata.getFullResourceName(ServiceMonitor.class);

    /** Whether the client's spec asks for a ServiceMonitor: metrics on, in Prometheus' format, and the monitor wanted. */
    static boolean requested(LanguageClient client) {
        Monitoring monitoring = client.getSpec().getMonitoring();
        return monitoring != null
                && !Boolean.FALSE.equals(monitoring.getEnabled())
                && !Boolean.FALSE.equals(monitoring.getPrometheus())
                && Boolean.TRUE.equals(monitoring.getServiceMonitor());
    }

    /** By name: a spec that no longer asks for the monitor no longer describes the object to delete. */
    @Override
    protected ResourceID targetSecondaryResourceID(LanguageClient client, Context<LanguageClient> context) {
        return ClientObjects.id(client);
    }

    @Override
    protected ServiceMonitor desired(LanguageClient client, Context<LanguageClient> context) {
        Monitoring monitoring = client.getSpec().getMonitoring();
        // The operator's own labels win: its informer finds its objects by them.
        Map<String, String> labels =
                new LinkedHashMap<>(Objects.requireNonNullElse(monitoring.getAdditionalLabels(), Map.of()));
        labels.putAll(ClientObjects.labels(client));
        ServiceMonitor.Endpoint endpoint = new ServiceMonitor.Endpoint();
        endpoint.port = ClientObjects.PORT_NAME;
        endpoint.path = Objects.requireNonNullElse(monitoring.getMetricsPath(), "/metrics");
        endpoint.scheme = "http";
        ServiceMonitor monitor = new ServiceMonitor();
        monitor.setMetadata(new ObjectMetaBuilder()
                .withName(ClientObjects.name(client))
                .withNamespace(client.getMetadata().getNamespace())
                .withLabels(labels)
                .withOwnerReferences(Owners.controller(client))
                .build());
        monitor.setSpec(new ServiceMonitor.Spec());
        monitor.getSpec().selector = new LabelSelectorBuilder()
                .withMatchLabels(Labels.selector(client))
                .build();
        monitor.getSpec().endpoints = List.of(endpoint);
        return monitor;
    }

    /** The reconcile precondition: the spec asks for the monitor (once it no longer does, the monitor is deleted). */
    public static class Requested implements Condition<ServiceMonitor, LanguageClient> {
        @Override
        public boolean isMet(
                DependentResource<ServiceMonitor, LanguageClient> dependent,
                LanguageClient client,
                Context<LanguageClient> context) {
            return requested(client);
        }
    }

    /**
     * The activation condition: the cluster has the ServiceMonitor CRD. Looked up once, and again on each
     * reconcile of a client that asks for a monitor while the CRD is missing, so installing the Prometheus
     * Operator later is noticed at that client's next reconcile; once seen, the CRD is taken to stay.
     */
    public static class CrdInstalled implements Condition<ServiceMonitor, LanguageClient> {
        private volatile Boolean installed;

        @Override
        public boolean isMet(
                DependentResource<ServiceMonitor, LanguageClient> dependent,
                LanguageClient client,
                Context<LanguageClient> context) {
            Boolean known = installed;
            if (known == null || (!known && requested(client))) {
                known = context.getClient()
                                .resources(CustomResourceDefinition.class)
                                .withName(CRD)
                                .get()
                        != null;
                installed = known;
            }
            return known;
        }
    }
}
