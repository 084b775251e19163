package io.langop.operator.model;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.langop.api.v1alpha1.NetworkPeer;
import io.langop.api.v1alpha1.NetworkPort;
import io.langop.api.v1alpha1.NetworkRule;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.model.LanguageModelStatus;
import io.langop.api.v1alpha1.model.ModelPhase;
import io.langop.operator.egress.EgressEvents;
import io.langop.operator.egress.EgressRules;
import io.langop.operator.kube.ConditionEvents;
import io.langop.operator.kube.ConditionEvents.Rule;
import io.langop.operator.kube.Conditions;
import io.langop.operator.kube.ReconcileErrors;
import io.langop.operator.kube.StatusUpdates;
import io.langop.operator.kube.UnreadableSpecs;
import io.langop.operator.kube.WorkloadEvents;
import io.langop.operator.kube.Workloads;
import io.langop.operator.monitoring.Scraping;
import io.langop.operator.monitoring.ServiceMonitorCrdInstalled;
import io.langop.operator.usage.ModelOperatorKey;
import io.langop.operator.usage.ModelUsageStatus;
import io.langop.operator.usage.ProxyClients;
import io.langop.operator.usage.UsageBoard;
import io.langop.operator.usage.UsagePolling;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Serves a LanguageModel through the langop model proxy: a ConfigMap with the proxy file rendered
 * from the spec (fallback models included), the proxy Deployment with the API-key Secrets mounted,
 * a Service, an egress policy that reaches the model's upstreams and nothing else, and where the operator is told to
 * (and the Prometheus Operator is installed) a ServiceMonitor of the proxy.
 */
@Workflow(
        explicitInvocation = true,
        dependents = {
            @Dependent(name = ModelOperatorKey.NAME, type = ModelOperatorKey.class),
            @Dependent(name = "config", type = ProxyConfigMap.class),
            @Dependent(name = "deployment", type = ProxyDeployment.class, dependsOn = "config"),
            @Dependent(name = "service", type = ProxyService.class),
            @Dependent(name = "egress", type = ProxyEgressPolicy.class),
            @Dependent(
                    name = ProxyServiceMonitor.NAME,
                    type = ProxyServiceMonitor.class,
                    activationCondition = ProxyServiceMonitor.CrdInstalled.class,
                    reconcilePrecondition = ProxyServiceMonitor.Requested.class)
        })
@ControllerConfiguration(name = "languagemodel")
public class LanguageModelReconciler implements Reconciler<LanguageModel> {

    private static final ConditionEvents EVENTS = new ConditionEvents(List.of(
            Rule.warning(Conditions.READY, "InvalidSpec", "InvalidSpec"),
            Rule.warning(Conditions.REFERENCES_RESOLVED, "FallbacksMissing", "ReferencesMissing"),
            Rule.normal(Conditions.REFERENCES_RESOLVED, "Resolved", "ReferencesResolved")
                    .onlyAfterAnotherState()));

    private static final Pattern IP_LITERAL = Pattern.compile("^[0-9.]+$|^\\[?[0-9a-fA-F:]+]?$");

    private final EgressRules egressRules;
    private final String proxyImage;
    private final UsageBoard usage;
    private final Duration usageInterval;
    private final Scraping scraping;

    /**
     * @param usage         where the proxies' usage is kept, read every {@code usageInterval} while this controller
     *                      runs
     * @param scraping      whether each proxy gets a ServiceMonitor, and its labels
     */
    public LanguageModelReconciler(
            EgressRules egressRules, String proxyImage, UsageBoard usage, Duration usageInterval, Scraping scraping) {
        this.egressRules = egressRules;
        this.proxyImage = proxyImage;
        this.usage = usage;
        this.usageInterval = usageInterval;
        this.scraping = scraping;
    }

    @Override
    public List<EventSource<?, LanguageModel>> prepareEventSources(EventSourceContext<LanguageModel> context) {
        List<EventSource<?, LanguageModel>> sources = new ArrayList<>();
        sources.add(ModelFallbacks.eventSource(context));
        sources.addAll(ProxyClients.eventSources(context));
        sources.add(new UsagePolling(usage, usageInterval));
        return sources;
    }

    @Override
    public UpdateControl<LanguageModel> reconcile(LanguageModel model, Context<LanguageModel> context) {
        List<Condition> before =
                model.getStatus() == null ? null : model.getStatus().getConditions();
        UpdateControl<LanguageModel> control = converge(model, context);
        // the model now carries the status to write, or still the stored one when nothing changed
        EVENTS.post(
                context.getClient(),
                model,
                before,
                model.getStatus() == null ? null : model.getStatus().getConditions());
        return control;
    }

    /** An unexpected failure of {@link #reconcile} goes into the status too (see {@link ReconcileErrors}). */
    @Override
    public ErrorStatusUpdateControl<LanguageModel> updateErrorStatus(
            LanguageModel model, Context<LanguageModel> context, Exception error) {
        return ReconcileErrors.record(model, context, error, LanguageModelStatus.class, LanguageModelStatus::new);
    }

    private UpdateControl<LanguageModel> converge(LanguageModel model, Context<LanguageModel> context) {
        String storedMessage =
                model.getStatus() == null ? null : model.getStatus().getMessage();
        LanguageModelStatus status =
                Workloads.copy(model.getStatus(), LanguageModelStatus.class, LanguageModelStatus::new);
        ModelUsageStatus.fill(status, model, usage);
        Conditions conditions =
                new Conditions(status.getConditions(), model.getMetadata().getGeneration());
        List<String> unreadable = UnreadableSpecs.problems(context.getClient(), model);
        if (!unreadable.isEmpty()) {
            String message = String.join("; ", unreadable);
            conditions.set(Conditions.READY, false, "InvalidSpec", message);
            return finish(model, context, status, conditions, ModelPhase.FAILED, "InvalidSpec", message);
        }

        ModelFallbacks.Resolution fallbacks = ModelFallbacks.resolve(model, context);
        ProxyClients.Clients clients = ProxyClients.of(model, context);
        String configYaml;
        try {
            configYaml =
                    ProxyConfigRenderer.toYaml(ProxyConfigRenderer.render(model, fallbacks.found(), clients.keys()));
        } catch (ProxyConfigRenderer.InvalidModelException e) {
            conditions.set(Conditions.READY, false, "InvalidSpec", e.getMessage());
            return finish(model, context, status, conditions, ModelPhase.FAILED, "InvalidSpec", e.getMessage());
        }
        if (fallbacks.missing().isEmpty()) {
            conditions.set(Conditions.REFERENCES_RESOLVED, true, "Resolved", "all fallbacks exist");
        } else {
            conditions.set(
                    Conditions.REFERENCES_RESOLVED,
                    false,
                    "FallbacksMissing",
                    "fallbacks not served until they exist: " + String.join(", ", fallbacks.missing()));
        }

        List<NetworkRule> egress = new ArrayList<>();
        ProxyConfigRenderer.upstreams(model).forEach(url -> egress.add(ruleFor(url)));
        fallbacks.found().forEach(f -> ProxyConfigRenderer.upstreams(f).forEach(url -> egress.add(ruleFor(url))));
        egress.addAll(Objects.requireNonNullElse(model.getSpec().getEgress(), List.of()));
        if (model.getSpec().getSharedState() != null
                && model.getSpec().getSharedState().getEgress() != null) {
            egress.add(model.getSpec().getSharedState().getEgress());
        }
        EgressRules.Resolved resolved =
                egressRules.resolve(egress, model.getMetadata().getNamespace());

        context.managedWorkflowAndDependentResourceContext()
                .put(
                        ModelProxyPlan.KEY,
                        new ModelProxyPlan(
                                proxyImage,
                                configYaml,
                                ModelProxyPlan.secretKeysOf(model, fallbacks.found()),
                                resolved));
        context.managedWorkflowAndDependentResourceContext().put(ProxyServiceMonitor.SCRAPING, scraping);
        boolean hadDeployment = context.getSecondaryResource(Deployment.class).isPresent();
        WorkflowReconcileResult workflow =
                context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
        usage.track(model, clients.operatorKey());
        WorkloadEvents.afterWorkflow(
                context.getClient(), model, "deployment " + ModelEndpoint.name(model), hadDeployment, null);
        EgressEvents.post(context.getClient(), model, storedMessage, resolved);

        status.setEndpoint(ModelEndpoint.url(model));
        Deployment deployment = context.getSecondaryResource(Deployment.class).orElse(null);
        Workloads.Availability availability = Workloads.availability(deployment, ProxyConfigRenderer.replicas(model));
        status.setReadyReplicas(availability.ready());
        List<String> noted = new ArrayList<>(resolved.notes());
        if (ProxyServiceMonitor.requested(context)) {
            ServiceMonitorCrdInstalled.missingNote(
                            workflow,
                            ProxyServiceMonitor.NAME,
                            "the proxy's ServiceMonitor (chart value metrics.serviceMonitor.components)")
                    .ifPresent(noted::add);
        }
        String notes = noted.isEmpty() ? "" : "; " + String.join("; ", noted);
        UpdateControl<LanguageModel> control;
        if (availability.available()) {
            conditions.set(Conditions.READY, true, "ProxyAvailable", "proxy " + availability.describe() + notes);
            control = finish(
                    model,
                    context,
                    status,
                    conditions,
                    ModelPhase.READY,
                    "ProxyAvailable",
                    "proxy " + availability.describe() + notes);
        } else {
            conditions.set(Conditions.READY, false, "ProxyNotAvailable", "proxy " + availability.describe() + notes);
            control = finish(
                    model,
                    context,
                    status,
                    conditions,
                    ModelPhase.CONFIGURING,
                    "ProxyNotAvailable",
                    "proxy " + availability.describe() + notes);
        }
        return egress.stream().anyMatch(r -> r.getTo() != null && r.getTo().getDns() != null)
                ? control.rescheduleAfter(egressRules.refresh())
                : control;
    }

    /** An upstream URL as an egress rule: its host (an address or a name) on its port. */
    static NetworkRule ruleFor(URI url) {
        NetworkRule rule = new NetworkRule();
        rule.setDescription("upstream " + url);
        NetworkPeer peer = new NetworkPeer();
        String host = url.getHost();
        if (IP_LITERAL.matcher(host).matches()) {
            String address = host.replace("[", "").replace("]", "");
            peer.setCidr(address + (address.contains(":") ? "/128" : "/32"));
        } else {
            peer.setDns(List.of(host));
        }
        rule.setTo(peer);
        NetworkPort port = new NetworkPort();
        port.setPort(url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80);
        rule.setPorts(List.of(port));
        return rule;
    }

    private static UpdateControl<LanguageModel> finish(
            LanguageModel model,
            Context<LanguageModel> context,
            LanguageModelStatus status,
            Conditions conditions,
            ModelPhase phase,
            String reason,
            String message) {
        status.setPhase(phase);
        status.setReason(reason);
        status.setMessage(message);
        status.setConditions(conditions.build());
        return StatusUpdates.patchIfChanged(model, status, context);
    }
}
