package io.langop.operator.cluster;

import io.fabric8.kubernetes.api.model.Condition;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.langop.api.v1alpha1.cluster.ClusterPhase;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.api.v1alpha1.cluster.LanguageClusterStatus;
import io.langop.operator.dashboard.DashboardDeployment;
import io.langop.operator.dashboard.DashboardEgressPolicy;
import io.langop.operator.dashboard.DashboardEnabled;
import io.langop.operator.dashboard.DashboardObjects;
import io.langop.operator.dashboard.DashboardRole;
import io.langop.operator.dashboard.DashboardRoleBinding;
import io.langop.operator.dashboard.DashboardService;
import io.langop.operator.dashboard.DashboardServiceAccount;
import io.langop.operator.egress.EgressEvents;
import io.langop.operator.egress.EgressRules;
import io.langop.operator.kube.ConditionEvents;
import io.langop.operator.kube.ConditionEvents.Rule;
import io.langop.operator.kube.Conditions;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.ReconcileErrors;
import io.langop.operator.kube.StatusUpdates;
import io.langop.operator.kube.UnreadableSpecs;
import io.langop.operator.monitoring.Scraping;
import io.langop.operator.usage.ClusterUsageStatus;
import io.langop.operator.usage.UsageBoard;
import io.langop.operator.usage.UsageChanges;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A LanguageCluster claims its namespace (labels it {@code langop.io/cluster=<name>} plus
 * {@code spec.namespaceLabels}, given back on deletion: see {@link NamespaceLabels}), isolates it with a default-deny NetworkPolicy, counts the
 * components that name it in {@code spec.clusterRef} and, with {@code spec.dashboard.enabled} (or, where the cluster
 * does not say, when the operator runs dashboards by default), runs its dashboard (see {@link DashboardDeployment})
 * with a read-only Role.
 */
@Workflow(
        explicitInvocation = true,
        dependents = {
            @Dependent(
                    name = ClusterIsolationPolicy.NAME,
                    type = ClusterIsolationPolicy.class,
                    reconcilePrecondition = IsolationEnabled.class),
            @Dependent(
                    name = "dashboard-egress",
                    type = DashboardEgressPolicy.class,
                    reconcilePrecondition = DashboardEgressPolicy.Needed.class,
                    useEventSourceWithName = ClusterIsolationPolicy.NAME),
            @Dependent(
                    name = "dashboard-account",
                    type = DashboardServiceAccount.class,
                    reconcilePrecondition = DashboardEnabled.class),
            @Dependent(
                    name = "dashboard-role",
                    type = DashboardRole.class,
                    reconcilePrecondition = DashboardEnabled.class),
            @Dependent(
                    name = "dashboard-binding",
                    type = DashboardRoleBinding.class,
                    reconcilePrecondition = DashboardEnabled.class),
            @Dependent(
                    name = "dashboard-deployment",
                    type = DashboardDeployment.class,
                    reconcilePrecondition = DashboardEnabled.class),
            @Dependent(
                    name = "dashboard-service",
                    type = DashboardService.class,
                    reconcilePrecondition = DashboardEnabled.class)
        })
@ControllerConfiguration(name = "languagecluster")
public class LanguageClusterReconciler implements Reconciler<LanguageCluster>, Cleaner<LanguageCluster> {

    private static final ConditionEvents EVENTS = new ConditionEvents(List.of(
            Rule.warning(Conditions.READY, "NamespaceNotFound", "NamespaceNotFound"),
            Rule.warning(Conditions.READY, "InvalidSpec", "InvalidSpec")));

    private final EgressRules egressRules;
    private final UsageBoard usage;
    private final boolean dashboardByDefault;
    private final Scraping scraping;

    /**
     * @param usage the model proxies' usage, for the cluster's totals
     * @param dashboardByDefault whether a cluster whose {@code spec.dashboard.enabled} is unset runs its dashboard
     * @param scraping where Prometheus runs, which an isolated cluster lets in to the metrics ports
     */
    public LanguageClusterReconciler(
            EgressRules egressRules, UsageBoard usage, boolean dashboardByDefault, Scraping scraping) {
        this.egressRules = egressRules;
        this.usage = usage;
        this.dashboardByDefault = dashboardByDefault;
        this.scraping = scraping;
    }

    @Override
    public List<EventSource<?, LanguageCluster>> prepareEventSources(EventSourceContext<LanguageCluster> context) {
        List<EventSource<?, LanguageCluster>> sources = new ArrayList<>(ClusterMembers.eventSources(context));
        sources.add(UsageChanges.of(usage::onClustersChanged));
        return sources;
    }

    @Override
    public UpdateControl<LanguageCluster> reconcile(LanguageCluster cluster, Context<LanguageCluster> context) {
        List<Condition> before =
                cluster.getStatus() == null ? null : cluster.getStatus().getConditions();
        UpdateControl<LanguageCluster> control = converge(cluster, context);
        // the cluster now carries the status to write, or still the stored one when nothing changed
        EVENTS.post(
                context.getClient(),
                cluster,
                before,
                cluster.getStatus() == null ? null : cluster.getStatus().getConditions());
        return control;
    }

    /** An unexpected failure of {@link #reconcile} goes into the status too (see {@link ReconcileErrors}). */
    @Override
    public ErrorStatusUpdateControl<LanguageCluster> updateErrorStatus(
            LanguageCluster cluster, Context<LanguageCluster> context, Exception error) {
        return ReconcileErrors.record(cluster, context, error, LanguageClusterStatus.class, LanguageClusterStatus::new);
    }

    private UpdateControl<LanguageCluster> converge(LanguageCluster cluster, Context<LanguageCluster> context) {
        String storedMessage =
                cluster.getStatus() == null ? null : cluster.getStatus().getMessage();
        var status = new LanguageClusterStatus();
        if (cluster.getStatus() != null) {
            // kept until the proxies are read (an operator that just started does not clear them)
            status.setMetrics(cluster.getStatus().getMetrics());
            status.setCostMetrics(cluster.getStatus().getCostMetrics());
        }
        ClusterUsageStatus.fill(status, cluster, usage);
        var conditions = new Conditions(
                cluster.getStatus() == null ? null : cluster.getStatus().getConditions(),
                cluster.getMetadata().getGeneration());

        List<String> unreadable = UnreadableSpecs.problems(context.getClient(), cluster);
        if (!unreadable.isEmpty()) {
            // a spec without its isolation settings is no reason to take the isolation down: nothing is changed
            String message = String.join("; ", unreadable);
            status.setPhase(ClusterPhase.FAILED);
            status.setReason("InvalidSpec");
            status.setMessage(message);
            conditions.set(Conditions.READY, false, "InvalidSpec", message);
            status.setConditions(conditions.build());
            return StatusUpdates.patchIfChanged(cluster, status, context);
        }

        String namespace = cluster.getMetadata().getNamespace();
        boolean labelled = NamespaceLabels.apply(context.getClient(), namespace, namespaceLabels(cluster));
        var network = cluster.getSpec() == null ? null : cluster.getSpec().getNetwork();
        EgressRules.Resolved egress = egressRules.resolve(network == null ? null : network.getEgress(), namespace);
        context.managedWorkflowAndDependentResourceContext().put(ClusterIsolationPolicy.EGRESS, egress);
        context.managedWorkflowAndDependentResourceContext().put(ClusterIsolationPolicy.SCRAPING, scraping);
        boolean dashboard = DashboardObjects.enabled(cluster, dashboardByDefault);
        context.managedWorkflowAndDependentResourceContext().put(DashboardObjects.ENABLED, dashboard);
        EgressRules.Resolved toIssuer = dashboard && IsolationEnabled.isEnabled(cluster)
                ? DashboardEgressPolicy.toIssuer(cluster, egressRules)
                : new EgressRules.Resolved(List.of(), List.of());
        context.managedWorkflowAndDependentResourceContext().put(DashboardEgressPolicy.ISSUER, toIssuer);
        context.managedWorkflowAndDependentResourceContext()
                .put(
                        DashboardRole.AGENTS,
                        ClusterMembers.AGENTS.list(context, cluster).toList());
        context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();

        status.setAgents((int) ClusterMembers.AGENTS.count(context, cluster));
        status.setModels((int) ClusterMembers.MODELS.count(context, cluster));
        status.setTools((int) ClusterMembers.TOOLS.count(context, cluster));
        status.setPersonas((int) ClusterMembers.PERSONAS.count(context, cluster));
        status.setClients((int) ClusterMembers.CLIENTS.count(context, cluster));

        String isolation = IsolationEnabled.isEnabled(cluster)
                ? "namespace " + namespace + " isolated"
                : "network isolation disabled";
        List<String> allNotes = new ArrayList<>(egress.notes());
        allNotes.addAll(toIssuer.notes());
        String notes = allNotes.isEmpty() ? "" : "; " + String.join("; ", allNotes);
        if (labelled) {
            EgressEvents.post(
                    context.getClient(), cluster, storedMessage, new EgressRules.Resolved(List.of(), allNotes));
            status.setPhase(ClusterPhase.READY);
            status.setReason("Reconciled");
            status.setMessage(isolation + notes);
            conditions.set(Conditions.READY, true, "Reconciled", isolation + notes);
        } else {
            status.setPhase(ClusterPhase.FAILED);
            status.setReason("NamespaceNotFound");
            status.setMessage("namespace " + namespace + " does not exist");
            conditions.set(Conditions.READY, false, "NamespaceNotFound", status.getMessage());
        }
        status.setConditions(conditions.build());
        UpdateControl<LanguageCluster> control = StatusUpdates.patchIfChanged(cluster, status, context);
        // host names and the API server's addresses (the dashboard's way out) are read again after a while
        boolean readsAddresses = (network != null && EgressRules.namesHosts(network.getEgress()))
                || (dashboard && IsolationEnabled.isEnabled(cluster));
        return readsAddresses ? control.rescheduleAfter(egressRules.refresh()) : control;
    }

    static Map<String, String> namespaceLabels(LanguageCluster cluster) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (cluster.getSpec() != null && cluster.getSpec().getNamespaceLabels() != null) {
            labels.putAll(cluster.getSpec().getNamespaceLabels());
        }
        labels.put(Labels.CLUSTER, cluster.getMetadata().getName());
        return labels;
    }

    /** Gives the namespace its labels back; the finalizer this adds keeps the cluster until it has. */
    @Override
    public DeleteControl cleanup(LanguageCluster cluster, Context<LanguageCluster> context) {
        NamespaceLabels.restore(context.getClient(), cluster.getMetadata().getNamespace());
        return DeleteControl.defaultDelete();
    }
}
