package io.langop.operator.client;

import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.langop.api.v1alpha1.client.LanguageClient;
import io.langop.api.v1alpha1.client.Monitoring;
import io.langop.operator.monitoring.ServiceMonitor;
import io.langop.operator.monitoring.ServiceMonitorCrdInstalled;
import io.langop.operator.monitoring.ServiceMonitors;
import io.langop.wire.ServiceWire;
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
        ServiceMonitor.Endpoint endpoint = new ServiceMonitor.Endpoint();
        endpoint.port = ClientObjects.PORT_NAME;
        endpoint.path = Objects.requireNonNullElse(monitoring.getMetricsPath(), ServiceWire.METRICS_PATH);
        endpoint.scheme = "http";
        return ServiceMonitors.of(
                client,
                ClientObjects.name(client),
                Objects.requireNonNullElse(monitoring.getAdditionalLabels(), Map.of()),
                ClientObjects.labels(client),
                endpoint);
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

    /** The activation condition: the cluster has the ServiceMonitor CRD. */
    public static class CrdInstalled extends ServiceMonitorCrdInstalled<LanguageClient> {
        @Override
        protected boolean requested(LanguageClient client, Context<LanguageClient> context) {
            return ClientServiceMonitor.requested(client);
        }
    }
}
