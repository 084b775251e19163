package io.langop.operator.model;

import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.operator.kube.Labels;
import io.langop.operator.monitoring.Scraping;
import io.langop.operator.monitoring.ServiceMonitor;
import io.langop.operator.monitoring.ServiceMonitorCrdInstalled;
import io.langop.operator.monitoring.ServiceMonitors;
import io.langop.operator.usage.ModelOperatorKey;
import io.langop.operator.usage.ProxyKeys;
import io.langop.wire.ServiceWire;

/**
 * The Prometheus Operator's ServiceMonitor {@code <model>-model} for the model's proxy, when the operator is told to
 * make them ({@link Scraping#proxyMonitors()}): the proxy's {@code /metrics} names every client's spending and answers
 * only the operator's key, which differs per model, so each model gets a monitor of its own that presents Secret
 * {@code <model>-model-key} as bearer token. The chart's alerts on proxy errors, rate limits, budgets and failing
 * agents read what it scrapes.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MODEL_OBJECTS))
public class ProxyServiceMonitor extends CRUDKubernetesDependentResource<ServiceMonitor, LanguageModel> {

    /** The dependent's name in the model controller. */
    static final String NAME = "service-monitor";

    /** The workflow context entry holding the operator's {@link Scraping}. */
    static final String SCRAPING = Scraping.class.getName();

    static boolean requested(Context<LanguageModel> context) {
        return context.managedWorkflowAndDependentResourceContext()
                .getMandatory(SCRAPING, Scraping.class)
                .proxyMonitors();
    }

    /** By name: once the operator no longer makes monitors, the desired state no longer names the one to delete. */
    @Override
    protected ResourceID targetSecondaryResourceID(LanguageModel model, Context<LanguageModel> context) {
        return new ResourceID(ModelEndpoint.name(model), model.getMetadata().getNamespace());
    }

    @Override
    protected ServiceMonitor desired(LanguageModel model, Context<LanguageModel> context) {
        return of(model, context.managedWorkflowAndDependentResourceContext().getMandatory(SCRAPING, Scraping.class));
    }

    static ServiceMonitor of(LanguageModel model, Scraping scraping) {
        ServiceMonitor.Endpoint endpoint = new ServiceMonitor.Endpoint();
        endpoint.port = ProxyService.PORT_NAME;
        endpoint.path = ServiceWire.METRICS_PATH;
        endpoint.scheme = "http";
        endpoint.bearerTokenSecret = new SecretKeySelector(ProxyKeys.DATA_KEY, ModelOperatorKey.name(model), false);
        return ServiceMonitors.of(
                model,
                ModelEndpoint.name(model),
                scraping.monitorLabels(),
                Labels.of(model, "model-proxy", model.getSpec().getClusterRef()),
                endpoint);
    }

    /** The reconcile precondition: the operator makes proxy monitors (once it no longer does, they are deleted). */
    public static class Requested implements Condition<ServiceMonitor, LanguageModel> {
        @Override
        public boolean isMet(
                DependentResource<ServiceMonitor, LanguageModel> dependent,
                LanguageModel model,
                Context<LanguageModel> context) {
            return requested(context);
        }
    }

    /** The activation condition: the cluster has the ServiceMonitor CRD. */
    public static class CrdInstalled extends ServiceMonitorCrdInstalled<LanguageModel> {
        @Override
        protected boolean requested(LanguageModel model, Context<LanguageModel> context) {
            return ProxyServiceMonitor.requested(context);
        }
    }
}
