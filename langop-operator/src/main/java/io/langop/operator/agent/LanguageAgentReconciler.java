package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.langop.api.v1alpha1.ModelRole;
import io.langop.api.v1alpha1.NetworkRule;
import io.langop.api.v1alpha1.agent.AgentPhase;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.LanguageAgentStatus;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.egress.EgressEvents;
import io.langop.operator.egress.EgressRules;
import io.langop.operator.kube.ConditionEvents;
import io.langop.operator.kube.ConditionEvents.Rule;
import io.langop.operator.kube.Conditions;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.ReconcileErrors;
import io.langop.operator.kube.StatusUpdates;
import io.langop.operator.kube.UnreadableSpecs;
import io.langop.operator.kube.WorkloadEvents;
import io.langop.operator.kube.Workloads;
import io.langop.operator.reach.ServiceLocator;
import io.langop.operator.synthesis.SynthesisSettings;
import io.langop.operator.tool.ToolEndpoint;
import io.langop.operator.trigger.TriggerForwarding;
import io.langop.operator.usage.AgentProxyKey;
import io.langop.operator.usage.AgentUsageStatus;
import io.langop.operator.usage.UsageBoard;
import io.langop.operator.usage.UsageChanges;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs a LanguageAgent: resolves what it references, then reconciles its workspace, its workload
 * (a Deployment, or a CronJob when scheduled; switching removes the other) and its egress policy.
 * Status says whether the references resolved and whether the workload is actually available;
 * events tell an invalid spec, missing and then resolved references, a workload created or replaced
 * and egress rules that allow less than they say, each once.
 */
@Workflow(
        explicitInvocation = true,
        dependents = {
            @Dependent(
                    name = "workspace",
                    type = WorkspaceClaim.class,
                    reconcilePrecondition = WorkspaceClaim.Requested.class),
            @Dependent(
                    name = "deployment",
                    type = AgentDeployment.class,
                    reconcilePrecondition = AgentDeployment.RunsContinuously.class),
            @Dependent(
                    name = "cronjob",
                    type = AgentCronJob.class,
                    reconcilePrecondition = AgentCronJob.RunsOnSchedule.class),
            @Dependent(name = "service", type = AgentService.class, reconcilePrecondition = AgentService.Exposed.class),
            @Dependent(name = "egress", type = AgentEgressPolicy.class),
            @Dependent(name = "proxy-key", type = AgentProxyKey.class),
            @Dependent(
                    name = "webhook-secrets",
                    type = AgentWebhookSecrets.class,
                    reconcilePrecondition = AgentWebhookSecrets.Needed.class,
                    useEventSourceWithName = "proxy-key"),
            @Dependent(name = "code", type = AgentCode.class, reconcilePrecondition = AgentCode.HasCode.class),
            @Dependent(
                    name = "good-code",
                    type = AgentGoodCode.class,
                    reconcilePrecondition = AgentGoodCode.HasGoodCode.class,
                    useEventSourceWithName = "code"),
            @Dependent(
                    name = "instructions",
                    type = AgentInstructions.class,
                    reconcilePrecondition = AgentInstructions.HasInstructions.class,
                    useEventSourceWithName = "code")
        })
@ControllerConfiguration(name = "languageagent")
public class LanguageAgentReconciler implements Reconciler<LanguageAgent> {

    private static final ConditionEvents EVENTS = new ConditionEvents(List.of(
            Rule.warning(Conditions.READY, "InvalidSpec", "InvalidSpec"),
            Rule.warning(Conditions.READY, "CodeNotFound", "CodeNotFound"),
            Rule.warning(Conditions.REFERENCES_RESOLVED, "ReferencesMissing", "ReferencesMissing"),
            Rule.normal(Conditions.REFERENCES_RESOLVED, "Resolved", "ReferencesResolved")
                    .onlyAfterAnotherState()));

    private final EgressRules egressRules;
    private final AgentSynthesis synthesis;
    private final SynthesisSettings synthesisSettings;
    private final UsageBoard usage;
    private final ServiceLocator services;
    private final MeterRegistry meters;
    private TriggerForwarding forwarding;

    /**
     * @param services where the operator reaches Services: the proxy of a {@code spec.synthesis.modelRef}
     * @param usage    the model proxies' usage, for the agent's executions, tokens and cost, and the operator's key
     *     at each proxy
     */
    public LanguageAgentReconciler(
            EgressRules egressRules,
            SynthesisSettings synthesisSettings,
            ServiceLocator services,
            UsageBoard usage,
            MeterRegistry meters) {
        this.egressRules = egressRules;
        this.synthesis = new AgentSynthesis(
                synthesisSettings,
                services,
                usage,
                (namespace, model) -> usage.operatorKey(new ResourceID(model, namespace)),
                meters);
        this.synthesisSettings = synthesisSettings;
        this.usage = usage;
        this.services = services;
        this.meters = meters;
    }

    @Override
    public List<EventSource<?, LanguageAgent>> prepareEventSources(EventSourceContext<LanguageAgent> context) {
        List<EventSource<?, LanguageAgent>> sources = new ArrayList<>(AgentReferences.eventSources(context));
        sources.addAll(synthesis.eventSources(context));
        sources.add(UsageChanges.of(usage::onAgentsChanged));
        forwarding = new TriggerForwarding(context.getClient(), services, meters);
        sources.add(forwarding);
        return sources;
    }

    @Override
    public UpdateControl<LanguageAgent> reconcile(LanguageAgent agent, Context<LanguageAgent> context) {
        List<Condition> before =
                agent.getStatus() == null ? null : agent.getStatus().getConditions();
        UpdateControl<LanguageAgent> control = converge(agent, context);
        // the agent now carries the status to write, or still the stored one when nothing changed
        EVENTS.post(
                context.getClient(),
                agent,
                before,
                agent.getStatus() == null ? null : agent.getStatus().getConditions());
        return control;
    }

    /** An unexpected failure of {@link #reconcile} goes into the status too (see {@link ReconcileErrors}). */
    @Override
    public ErrorStatusUpdateControl<LanguageAgent> updateErrorStatus(
            LanguageAgent agent, Context<LanguageAgent> context, Exception error) {
        return ReconcileErrors.record(
                agent, context, error, LanguageAgentStatus.class, LanguageAgentStatus::new, synthesisSettings::redact);
    }

    private UpdateControl<LanguageAgent> converge(LanguageAgent agent, Context<LanguageAgent> context) {
        String storedMessage =
                agent.getStatus() == null ? null : agent.getStatus().getMessage();
        LanguageAgentStatus status =
                Workloads.copy(agent.getStatus(), LanguageAgentStatus.class, LanguageAgentStatus::new);
        AgentUsageStatus.fill(status, agent, usage);
        ApprovalEvents.post(context.getClient(), agent, agent.getStatus(), status);
        Conditions conditions =
                new Conditions(status.getConditions(), agent.getMetadata().getGeneration());

        List<String> problems = UnreadableSpecs.problems(context.getClient(), agent);
        if (problems.isEmpty()) {
            problems = AgentSpecCheck.problems(agent);
        }
        if (!problems.isEmpty()) {
            String message = String.join("; ", problems);
            conditions.set(Conditions.READY, false, "InvalidSpec", message);
            forwarding.stopped(agent);
            return finish(agent, context, status, conditions, AgentPhase.FAILED, "InvalidSpec", message);
        }

        AgentReferences.Resolution refs = AgentReferences.resolve(agent, context);
        if (!refs.complete()) {
            String message = "waiting for " + String.join("; ", refs.missing());
            conditions.set(Conditions.REFERENCES_RESOLVED, false, "ReferencesMissing", message);
            conditions.set(Conditions.READY, false, "ReferencesMissing", message);
            return finish(agent, context, status, conditions, AgentPhase.PENDING, "ReferencesMissing", message);
        }
        conditions.set(Conditions.REFERENCES_RESOLVED, true, "Resolved", "all references exist");
        List<String> conflicts = AgentHttp.portConflicts(
                agent, refs.tools().stream().filter(ToolEndpoint::isSidecar).toList());
        if (!conflicts.isEmpty()) {
            String message = String.join("; ", conflicts);
            conditions.set(Conditions.READY, false, "PortConflict", message);
            return finish(agent, context, status, conditions, AgentPhase.FAILED, "PortConflict", message);
        }

        List<LanguageModel> models = preferenceOrder(agent, refs.models());
        CodeDecision code = synthesis.reconcile(
                new SynthesisInputs(agent, models, refs.tools(), refs.persona()), context, status, conditions);
        List<NetworkRule> egress = egressOf(agent, refs.tools());
        AgentPlan plan = new AgentPlan(
                agent,
                models,
                refs.tools(),
                refs.persona(),
                egressRules.resolve(egress, agent.getMetadata().getNamespace()),
                code.code(),
                code.codeHash());
        context.managedWorkflowAndDependentResourceContext().put(AgentPlan.KEY, plan);
        boolean scheduled = AgentPlan.isScheduled(agent);
        boolean hadDeployment = context.getSecondaryResource(Deployment.class).isPresent();
        boolean hadCronJob = context.getSecondaryResource(CronJob.class).isPresent();
        context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
        workloadEvents(
                agent,
                context,
                scheduled,
                scheduled ? hadCronJob : hadDeployment,
                scheduled ? hadDeployment : hadCronJob);
        EgressEvents.post(context.getClient(), agent, storedMessage, plan.egress());

        String notes = plan.egress().notes().isEmpty()
                ? ""
                : "; " + String.join("; ", plan.egress().notes());
        UpdateControl<LanguageAgent> control = code.cannotRun().isPresent()
                ? cannotRun(agent, context, status, conditions, code.cannotRun().get())
                : scheduled
                        ? scheduledStatus(agent, context, status, conditions, notes)
                        : continuousStatus(agent, context, status, conditions, notes);
        Optional<Duration> recheck = Stream.concat(
                        code.recheckAfter().stream(),
                        EgressRules.namesHosts(egress) ? Stream.of(egressRules.refresh()) : Stream.empty())
                .min(Comparator.naturalOrder());
        return recheck.isPresent() ? control.rescheduleAfter(recheck.get()) : control;
    }

    /**
     * The workload is in place (it starts by itself once the code is there), but no pod can run now: the
     * status says why, whatever the workload reports.
     */
    private UpdateControl<LanguageAgent> cannotRun(
            LanguageAgent agent,
            Context<LanguageAgent> context,
            LanguageAgentStatus status,
            Conditions conditions,
            CodeDecision.CannotRun why) {
        conditions.set(Conditions.READY, false, why.reason(), why.message());
        forwarding.stopped(agent);
        return finish(agent, context, status, conditions, why.phase(), why.reason(), why.message());
    }

    private UpdateControl<LanguageAgent> continuousStatus(
            LanguageAgent agent,
            Context<LanguageAgent> context,
            LanguageAgentStatus status,
            Conditions conditions,
            String notes) {
        Deployment deployment = context.getSecondaryResource(Deployment.class).orElse(null);
        int wanted = Objects.requireNonNullElse(agent.getSpec().getReplicas(), 1);
        Workloads.Availability availability = Workloads.availability(deployment, wanted);
        status.setReadyReplicas(availability.ready());
        status.setActiveReplicas(availability.running());
        // forwarded triggers are delivered while pods serve them; changes meanwhile wait in the cluster
        // (docs/triggers.md)
        if (wanted > 0 && availability.available()) {
            forwarding.reconciled(agent, AgentWebhookSecrets.chosen(context));
        } else {
            forwarding.stopped(agent);
        }
        if (wanted == 0) {
            conditions.set(Conditions.READY, false, "Suspended", "scaled to zero replicas" + notes);
            return finish(
                    agent,
                    context,
                    status,
                    conditions,
                    AgentPhase.SUSPENDED,
                    "Suspended",
                    "scaled to zero replicas" + notes);
        }
        if (!availability.available()) {
            String workload = "deployment " + (deployment == null ? "being created" : availability.describe());
            Optional<AgentPods.Stuck> stuck = AgentPods.stuck(context.getSecondaryResources(Pod.class));
            if (stuck.isPresent()) {
                return podCannotStart(agent, context, status, conditions, stuck.get(), workload + "; ", notes);
            }
            String message = workload + notes;
            conditions.set(Conditions.READY, false, "WorkloadNotAvailable", message);
            return finish(agent, context, status, conditions, AgentPhase.PENDING, "WorkloadNotAvailable", message);
        }
        conditions.set(Conditions.READY, true, "WorkloadAvailable", availability.describe() + notes);
        return finish(
                agent,
                context,
                status,
                conditions,
                AgentPhase.RUNNING,
                "WorkloadAvailable",
                availability.describe() + notes);
    }

    private UpdateControl<LanguageAgent> scheduledStatus(
            LanguageAgent agent,
            Context<LanguageAgent> context,
            LanguageAgentStatus status,
            Conditions conditions,
            String notes) {
        CronJob cronJob = context.getSecondaryResource(CronJob.class).orElse(null);
        forwarding.stopped(agent);
        status.setReadyReplicas(null);
        status.setActiveReplicas(
                cronJob == null
                                || cronJob.getStatus() == null
                                || cronJob.getStatus().getActive() == null
                        ? 0
                        : cronJob.getStatus().getActive().size());
        if (cronJob == null) {
            conditions.set(Conditions.READY, false, "WorkloadNotAvailable", "cron job being created" + notes);
            return finish(
                    agent,
                    context,
                    status,
                    conditions,
                    AgentPhase.PENDING,
                    "WorkloadNotAvailable",
                    "cron job being created" + notes);
        }
        String scheduled = "scheduled '" + cronJob.getSpec().getSchedule() + "'";
        Optional<AgentPods.Stuck> stuck = AgentPods.stuck(context.getSecondaryResources(Pod.class));
        if (stuck.isPresent()) {
            return podCannotStart(
                    agent, context, status, conditions, stuck.get(), scheduled + ", but a run cannot start: ", notes);
        }
        String message = scheduled + notes;
        conditions.set(Conditions.READY, true, "Scheduled", message);
        return finish(agent, context, status, conditions, AgentPhase.RUNNING, "Scheduled", message);
    }

    /**
     * A pod of the agent waits for something to be fixed (a Secret or key that does not exist, an image that cannot
     * be pulled, a crash loop): the condition's reason is the container's, so that {@code kubectl get} shows it.
     */
    private static UpdateControl<LanguageAgent> podCannotStart(
            LanguageAgent agent,
            Context<LanguageAgent> context,
            LanguageAgentStatus status,
            Conditions conditions,
            AgentPods.Stuck stuck,
            String workload,
            String notes) {
        String message = workload + stuck.describe() + notes;
        conditions.set(Conditions.READY, false, stuck.reason(), message);
        return finish(agent, context, status, conditions, AgentPhase.PENDING, stuck.reason(), message);
    }

    private static UpdateControl<LanguageAgent> finish(
            LanguageAgent agent,
            Context<LanguageAgent> context,
            LanguageAgentStatus status,
            Conditions conditions,
            AgentPhase phase,
            String reason,
            String message) {
        status.setPhase(phase);
        status.setReason(reason);
        status.setMessage(message);
        status.setConditions(conditions.build());
        return StatusUpdates.patchIfChanged(agent, status, context);
    }

    private static void workloadEvents(
            LanguageAgent agent,
            Context<LanguageAgent> context,
            boolean scheduled,
            boolean hadWorkload,
            boolean hadOtherKind) {
        String deployment = "deployment " + Labels.name(agent, "agent");
        String cronJob = "cron job " + Labels.name(agent, "agent");
        WorkloadEvents.afterWorkflow(
                context.getClient(),
                agent,
                scheduled ? cronJob : deployment,
                hadWorkload,
                hadOtherKind ? (scheduled ? deployment : cronJob) : null);
    }

    /**
     * The agent's rules, its memory store's, and those of its sidecar tools, which share the agent's pod and policy.
     * (The memory store's rule comes last, so the numbers of the agent's own rules in notes stay as written.)
     */
    private static List<NetworkRule> egressOf(LanguageAgent agent, List<LanguageTool> tools) {
        List<NetworkRule> rules =
                new ArrayList<>(Objects.requireNonNullElse(agent.getSpec().getEgress(), List.of()));
        AgentMemoryStore.egress(agent).ifPresent(rules::add);
        tools.stream()
                .filter(ToolEndpoint::isSidecar)
                .forEach(tool ->
                        rules.addAll(Objects.requireNonNullElse(tool.getSpec().getEgress(), List.of())));
        return rules;
    }

    /** Primary models first, then by priority (lower first), then in spec order. */
    private static List<LanguageModel> preferenceOrder(LanguageAgent agent, List<LanguageModel> models) {
        var refs = agent.getSpec().getModelRefs();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            order.add(i);
        }
        // models were resolved in spec order, so index i belongs to modelRefs[i] when nothing is missing
        order.sort(Comparator.comparing((Integer i) ->
                        refs.get(i).getRole() != null && refs.get(i).getRole() != ModelRole.PRIMARY)
                .thenComparing(i -> Objects.requireNonNullElse(refs.get(i).getPriority(), Integer.MAX_VALUE)));
        return order.stream().map(models::get).toList();
    }
}
