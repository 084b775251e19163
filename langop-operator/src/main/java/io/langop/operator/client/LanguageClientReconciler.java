package io.langop.operator.client;

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
import io.langop.api.v1alpha1.client.ClientPhase;
import io.langop.api.v1alpha1.client.IngressSpec;
import io.langop.api.v1alpha1.client.LanguageClient;
import io.langop.api.v1alpha1.client.LanguageClientSpec;
import io.langop.api.v1alpha1.client.LanguageClientStatus;
import io.langop.operator.kube.Conditions;
import io.langop.operator.kube.ReconcileErrors;
import io.langop.operator.kube.StatusUpdates;
import io.langop.operator.kube.UnreadableSpecs;
import io.langop.operator.kube.Workloads;
import io.langop.operator.monitoring.ServiceMonitorCrdInstalled;
import io.langop.operator.workload.Autoscalers;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Runs a LanguageClient: once its models, tools, agents and persona exist, a ConfigMap with
 * {@code client.json}, the Deployment and Service {@code <client>-client}, and when the spec asks
 * for them an Ingress, a PodDisruptionBudget, a HorizontalPodAutoscaler and (where the Prometheus Operator is
 * installed) a ServiceMonitor. Status carries the
 * replica counts, the URL users reach it at, and {@code Ready} only when the Deployment is available.
 */
@Workflow(
        explicitInvocation = true,
        dependents = {
            @Dependent(name = "config", type = ClientConfigMap.class),
            @Dependent(name = "deployment", type = ClientDeployment.class),
            @Dependent(name = "service", type = ClientService.class),
            @Dependent(
                    name = "ingress",
                    type = ClientIngress.class,
                    reconcilePrecondition = ClientIngress.Enabled.class),
            @Dependent(
                    name = "disruption-budget",
                    type = ClientScaling.DisruptionBudget.class,
                    reconcilePrecondition = ClientScaling.BudgetRequested.class),
            @Dependent(
                    name = "autoscaler",
                    type = ClientScaling.Autoscaler.class,
                    reconcilePrecondition = ClientScaling.AutoscalingEnabled.class),
            @Dependent(
                    name = ClientServiceMonitor.NAME,
                    type = ClientServiceMonitor.class,
                    activationCondition = ClientServiceMonitor.CrdInstalled.class,
                    reconcilePrecondition = ClientServiceMonitor.Requested.class)
        })
@ControllerConfiguration(name = "languageclient")
public class LanguageClientReconciler implements Reconciler<LanguageClient> {

    @Override
    public List<EventSource<?, LanguageClient>> prepareEventSources(EventSourceContext<LanguageClient> context) {
        return ClientReferences.eventSources(context);
    }

    @Override
    public UpdateControl<LanguageClient> reconcile(LanguageClient client, Context<LanguageClient> context) {
        LanguageClientStatus status =
                Workloads.copy(client.getStatus(), LanguageClientStatus.class, LanguageClientStatus::new);
        Conditions conditions =
                new Conditions(status.getConditions(), client.getMetadata().getGeneration());
        List<String> problems = UnreadableSpecs.problems(context.getClient(), client);
        if (problems.isEmpty()) {
            problems = problems(client.getSpec());
        }
        if (!problems.isEmpty()) {
            String message = String.join("; ", problems);
            conditions.set(Conditions.VALID, false, "InvalidSpec", message);
            conditions.set(Conditions.READY, false, "InvalidSpec", message);
            return finish(client, context, status, conditions, ClientPhase.FAILED, "InvalidSpec", message);
        }
        conditions.set(Conditions.VALID, true, "Valid", "spec is valid");

        ClientReferences.Resolution refs = ClientReferences.resolve(client, context);
        if (!refs.complete()) {
            String message = "waiting for " + String.join("; ", refs.missing());
            conditions.set(Conditions.REFERENCES_RESOLVED, false, "ReferencesMissing", message);
            conditions.set(Conditions.READY, false, "ReferencesMissing", message);
            return finish(client, context, status, conditions, ClientPhase.PENDING, "ReferencesMissing", message);
        }
        conditions.set(Conditions.REFERENCES_RESOLVED, true, "Resolved", "all references exist");

        ClientPlan plan = ClientPlan.of(client, refs);
        context.managedWorkflowAndDependentResourceContext().put(ClientPlan.KEY, plan);
        WorkflowReconcileResult workflow =
                context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
        List<String> notes = new ArrayList<>(plan.notes());
        if (ClientServiceMonitor.requested(client)) {
            ServiceMonitorCrdInstalled.missingNote(workflow, ClientServiceMonitor.NAME, "monitoring.serviceMonitor")
                    .ifPresent(notes::add);
        }

        Deployment deployment = context.getSecondaryResource(Deployment.class).orElse(null);
        int wanted = deployment == null
                        || deployment.getSpec() == null
                        || deployment.getSpec().getReplicas() == null
                ? Objects.requireNonNullElse(client.getSpec().getReplicas(), ClientObjects.DEFAULT_REPLICAS)
                : deployment.getSpec().getReplicas();
        Workloads.Availability availability = Workloads.availability(deployment, wanted);
        var observed = deployment == null ? null : deployment.getStatus();
        status.setReadyReplicas(availability.ready());
        status.setAvailableReplicas(
                observed == null ? 0 : Objects.requireNonNullElse(observed.getAvailableReplicas(), 0));
        status.setUpdatedReplicas(observed == null ? 0 : Objects.requireNonNullElse(observed.getUpdatedReplicas(), 0));
        status.setUnavailableReplicas(
                observed == null ? 0 : Objects.requireNonNullElse(observed.getUnavailableReplicas(), 0));
        status.setUrl(url(client));
        String note = notes.isEmpty() ? "" : "; " + String.join("; ", notes);
        if (wanted == 0) {
            conditions.set(Conditions.READY, false, "ScaledToZero", "scaled to zero replicas" + note);
            return finish(
                    client,
                    context,
                    status,
                    conditions,
                    ClientPhase.PENDING,
                    "ScaledToZero",
                    "scaled to zero replicas" + note);
        }
        if (!availability.available()) {
            String message = "deployment " + (deployment == null ? "being created" : availability.describe()) + note;
            conditions.set(Conditions.READY, false, "WorkloadNotAvailable", message);
            return finish(client, context, status, conditions, ClientPhase.PENDING, "WorkloadNotAvailable", message);
        }
        conditions.set(Conditions.READY, true, "WorkloadAvailable", availability.describe() + note);
        return finish(
                client,
                context,
                status,
                conditions,
                ClientPhase.RUNNING,
                "WorkloadAvailable",
                availability.describe() + note);
    }

    /** An unexpected failure of {@link #reconcile} goes into the status too (see {@link ReconcileErrors}). */
    @Override
    public ErrorStatusUpdateControl<LanguageClient> updateErrorStatus(
            LanguageClient client, Context<LanguageClient> context, Exception error) {
        return ReconcileErrors.record(client, context, error, LanguageClientStatus.class, LanguageClientStatus::new);
    }

    /** The first ingress host (https when the Ingress has TLS for it), else the Service inside the cluster. */
    static String url(LanguageClient client) {
        if (!ClientIngress.enabled(client)) {
            return ClientObjects.serviceUrl(client);
        }
        IngressSpec ingress = client.getSpec().getIngress();
        String host = ingress.getHosts().getFirst();
        boolean https = ClientIngress.tls(client, ingress).stream()
                .anyMatch(tls -> tls.getHosts() == null
                        || tls.getHosts().isEmpty()
                        || tls.getHosts().contains(host));
        String path = Objects.requireNonNullElse(ingress.getPath(), "/");
        return (https ? "https://" : "http://") + host + path;
    }

    private static UpdateControl<LanguageClient> finish(
            LanguageClient client,
            Context<LanguageClient> context,
            LanguageClientStatus status,
            Conditions conditions,
            ClientPhase phase,
            String reason,
            String message) {
        status.setPhase(phase);
        status.setReason(reason);
        status.setMessage(message);
        status.setConditions(conditions.build());
        return StatusUpdates.patchIfChanged(client, status, context);
    }

    /**
     * Custom moderation filters whose pattern is no regular expression: the console would refuse to start on them
     * (case-insensitive, as it compiles them), so they are an invalid spec here rather than a crash-looping pod.
     */
    static List<String> filterProblems(LanguageClientSpec spec) {
        var moderation = spec.getContentModeration();
        if (moderation == null || moderation.getCustomFilters() == null) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (var filter : moderation.getCustomFilters()) {
            try {
                Pattern.compile(
                        Objects.requireNonNullElse(filter.getPattern(), ""),
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException invalid) {
                problems.add("spec.contentModeration.customFilters '" + filter.getName()
                        + "': the pattern is not a regular expression (" + invalid.getDescription() + ")");
            }
        }
        return problems;
    }

    static List<String> problems(LanguageClientSpec spec) {
        List<String> problems = new ArrayList<>();
        if (spec == null) {
            return List.of("spec is missing");
        }
        if (spec.getModelRefs() == null || spec.getModelRefs().isEmpty()) {
            problems.add("spec.modelRefs needs at least one model");
        }
        if (spec.getPort() != null && (spec.getPort() < 1 || spec.getPort() > 65535)) {
            problems.add("spec.port must be between 1 and 65535");
        }
        var ingress = spec.getIngress();
        if (ingress != null
                && Boolean.TRUE.equals(ingress.getEnabled())
                && (ingress.getHosts() == null || ingress.getHosts().isEmpty())) {
            problems.add("spec.ingress.hosts needs a host when the ingress is enabled");
        }
        var tls = spec.getTls();
        if (tls != null
                && Boolean.TRUE.equals(tls.getEnabled())
                && tls.getSecretRef() == null
                && !Boolean.TRUE.equals(tls.getCertManager())) {
            problems.add("spec.tls needs secretRef or certManager when enabled");
        }
        var auth = spec.getAuthentication();
        if (auth != null
                && Boolean.TRUE.equals(auth.getEnabled())
                && (auth.getProviders() == null || auth.getProviders().isEmpty())) {
            problems.add("spec.authentication needs a provider when enabled");
        }
        problems.addAll(ClientSecrets.problems(spec));
        problems.addAll(filterProblems(spec));
        problems.addAll(Autoscalers.problems(spec.getHorizontalPodAutoscaler(), "spec.horizontalPodAutoscaler"));
        return problems;
    }
}
