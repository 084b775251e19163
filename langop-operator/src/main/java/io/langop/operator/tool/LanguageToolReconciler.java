package io.langop.operator.tool;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
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
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.langop.api.v1alpha1.ToolReference;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.api.v1alpha1.tool.LanguageToolStatus;
import io.langop.api.v1alpha1.tool.ToolPhase;
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
import io.langop.operator.reach.ServiceLocator;
import io.langop.operator.workload.Autoscalers;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A service-mode LanguageTool gets a Deployment, a Service, an egress policy and, when its spec sets
 * one, a PodDisruptionBudget; a sidecar-mode one gets nothing of its own (switching removes them) but a
 * catalog pod while its tools are listed, and its status names the agents that carry it. Either way the
 * status holds the server's catalog ({@code availableTools}, condition {@code ToolsListed}), read once per
 * generation ({@link ToolListing}).
 */
@Workflow(
        explicitInvocation = true,
        dependents = {
            @Dependent(
                    name = "deployment",
                    type = ToolDeployment.class,
                    reconcilePrecondition = ToolDeployment.Served.class),
            @Dependent(name = "service", type = ToolService.class, reconcilePrecondition = ToolDeployment.Served.class),
            @Dependent(
                    name = "egress",
                    type = ToolEgressPolicy.class,
                    reconcilePrecondition = ToolDeployment.ServiceMode.class),
            @Dependent(
                    name = "disruption-budget",
                    type = ToolDisruptionBudget.class,
                    reconcilePrecondition = ToolDisruptionBudget.Requested.class),
            @Dependent(
                    name = "autoscaler",
                    type = ToolAutoscaler.class,
                    reconcilePrecondition = ToolAutoscaler.Enabled.class)
        })
@ControllerConfiguration(name = "languagetool")
public class LanguageToolReconciler implements Reconciler<LanguageTool> {

    private static final ConditionEvents EVENTS = new ConditionEvents(List.of(
            Rule.warning(Conditions.READY, "InvalidSpec", "InvalidSpec"),
            Rule.normal(ToolListing.TOOLS_LISTED, "Listed", "ToolsListed"),
            Rule.warning(ToolListing.TOOLS_LISTED, "ListingFailed", "ToolListingFailed")));

    private final EgressRules egressRules;
    private final ToolListing listing;

    /** @param services where the operator reaches the tool servers, to list their tools */
    public LanguageToolReconciler(EgressRules egressRules, ServiceLocator services) {
        this.egressRules = egressRules;
        this.listing = new ToolListing(services, Clock.systemUTC());
    }

    /** Agents are watched so that {@code status.sidecarAgents} follows the agents that use the tool. */
    @Override
    public List<EventSource<?, LanguageTool>> prepareEventSources(EventSourceContext<LanguageTool> context) {
        return List.of(new InformerEventSource<>(
                InformerEventSourceConfiguration.from(LanguageAgent.class, LanguageTool.class)
                        .withSecondaryToPrimaryMapper(LanguageToolReconciler::toolsOf)
                        .build(),
                context));
    }

    static Set<ResourceID> toolsOf(LanguageAgent agent) {
        if (agent.getSpec() == null || agent.getSpec().getToolRefs() == null) {
            return Set.of();
        }
        String ns = agent.getMetadata().getNamespace();
        return agent.getSpec().getToolRefs().stream()
                .map(ref -> new ResourceID(ref.getName(), Objects.requireNonNullElse(ref.getNamespace(), ns)))
                .collect(Collectors.toSet());
    }

    @Override
    public UpdateControl<LanguageTool> reconcile(LanguageTool tool, Context<LanguageTool> context) {
        List<Condition> before =
                tool.getStatus() == null ? null : tool.getStatus().getConditions();
        UpdateControl<LanguageTool> control = converge(tool, context);
        // the tool now carries the status to write, or still the stored one when nothing changed
        EVENTS.post(
                context.getClient(),
                tool,
                before,
                tool.getStatus() == null ? null : tool.getStatus().getConditions());
        return control;
    }

    /** An unexpected failure of {@link #reconcile} goes into the status too (see {@link ReconcileErrors}). */
    @Override
    public ErrorStatusUpdateControl<LanguageTool> updateErrorStatus(
            LanguageTool tool, Context<LanguageTool> context, Exception error) {
        return ReconcileErrors.record(tool, context, error, LanguageToolStatus.class, LanguageToolStatus::new);
    }

    private UpdateControl<LanguageTool> converge(LanguageTool tool, Context<LanguageTool> context) {
        String storedMessage =
                tool.getStatus() == null ? null : tool.getStatus().getMessage();
        LanguageToolStatus status = Workloads.copy(tool.getStatus(), LanguageToolStatus.class, LanguageToolStatus::new);
        Conditions conditions =
                new Conditions(status.getConditions(), tool.getMetadata().getGeneration());
        List<String> unreadable = UnreadableSpecs.problems(context.getClient(), tool);
        if (!unreadable.isEmpty()) {
            String message = String.join("; ", unreadable);
            conditions.set(Conditions.READY, false, "InvalidSpec", message);
            return finish(tool, context, status, conditions, ToolPhase.FAILED, "InvalidSpec", message);
        }
        if (tool.getSpec() == null
                || tool.getSpec().getImage() == null
                || tool.getSpec().getImage().isBlank()) {
            conditions.set(Conditions.READY, false, "InvalidSpec", "spec.image is required");
            return finish(tool, context, status, conditions, ToolPhase.FAILED, "InvalidSpec", "spec.image is required");
        }
        List<String> scaling =
                Autoscalers.problems(tool.getSpec().getHorizontalPodAutoscaler(), "spec.horizontalPodAutoscaler");
        if (!scaling.isEmpty()) {
            String message = String.join("; ", scaling);
            conditions.set(Conditions.READY, false, "InvalidSpec", message);
            return finish(tool, context, status, conditions, ToolPhase.FAILED, "InvalidSpec", message);
        }
        EgressRules.Resolved egress = egressRules.resolve(
                tool.getSpec().getEgress(), tool.getMetadata().getNamespace());
        context.managedWorkflowAndDependentResourceContext().put(ToolEgressPolicy.EGRESS, egress);
        boolean hadDeployment = context.getSecondaryResource(Deployment.class).isPresent();
        // a sidecar's catalog pod is asked only once it exists; the Deployment's status changes wake this up
        ToolListing.State catalog = listing.refresh(tool, !ToolEndpoint.isSidecar(tool) || hadDeployment);
        context.managedWorkflowAndDependentResourceContext()
                .put(
                        ToolDeployment.CATALOG_POD,
                        ToolEndpoint.isSidecar(tool) && !(catalog instanceof ToolListing.Listed));
        context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
        Optional<Duration> listAgain = record(catalog, status, conditions);
        if (!ToolEndpoint.isSidecar(tool)) {
            // a sidecar has no workload of its own, and its egress is told by the agents that carry it
            WorkloadEvents.afterWorkflow(
                    context.getClient(), tool, "deployment " + ToolEndpoint.serviceName(tool), hadDeployment, null);
            EgressEvents.post(context.getClient(), tool, storedMessage, egress);
        }

        status.setEndpoint(ToolEndpoint.url(tool));
        String notes = egress.notes().isEmpty() ? "" : "; " + String.join("; ", egress.notes());
        UpdateControl<LanguageTool> control;
        if (ToolEndpoint.isSidecar(tool)) {
            List<String> agents = agentsUsing(tool, context);
            status.setSidecarAgents(agents.isEmpty() ? null : agents);
            status.setReadyReplicas(null);
            status.setAvailableReplicas(null);
            status.setUpdatedReplicas(null);
            status.setUnavailableReplicas(null);
            String message = "sidecar in " + agents.size() + " agent(s)";
            conditions.set(Conditions.READY, true, "Sidecar", message);
            control = finish(tool, context, status, conditions, ToolPhase.RUNNING, "Sidecar", message);
        } else {
            status.setSidecarAgents(null);
            int wanted = Objects.requireNonNullElse(tool.getSpec().getReplicas(), 1);
            Deployment deployment =
                    context.getSecondaryResource(Deployment.class).orElse(null);
            Workloads.Availability availability = Workloads.availability(deployment, wanted);
            var deploymentStatus = deployment == null ? null : deployment.getStatus();
            status.setReadyReplicas(availability.ready());
            status.setAvailableReplicas(
                    deploymentStatus == null
                            ? 0
                            : Objects.requireNonNullElse(deploymentStatus.getAvailableReplicas(), 0));
            status.setUpdatedReplicas(
                    deploymentStatus == null
                            ? 0
                            : Objects.requireNonNullElse(deploymentStatus.getUpdatedReplicas(), 0));
            status.setUnavailableReplicas(
                    deploymentStatus == null
                            ? 0
                            : Objects.requireNonNullElse(deploymentStatus.getUnavailableReplicas(), 0));
            if (availability.available()) {
                conditions.set(Conditions.READY, true, "WorkloadAvailable", availability.describe() + notes);
                control = finish(
                        tool,
                        context,
                        status,
                        conditions,
                        ToolPhase.RUNNING,
                        "WorkloadAvailable",
                        availability.describe() + notes);
            } else {
                String message = "deployment " + availability.describe() + notes;
                conditions.set(Conditions.READY, false, "WorkloadNotAvailable", message);
                control = finish(tool, context, status, conditions, ToolPhase.PENDING, "WorkloadNotAvailable", message);
            }
        }
        Optional<Duration> recheck = Stream.concat(
                        listAgain.stream(),
                        EgressRules.namesHosts(tool.getSpec().getEgress())
                                ? Stream.of(egressRules.refresh())
                                : Stream.empty())
                .min(Comparator.naturalOrder());
        return recheck.isPresent() ? control.rescheduleAfter(recheck.get()) : control;
    }

    /** The catalog into the status; when to ask the server again, while it has not answered. */
    private static Optional<Duration> record(
            ToolListing.State catalog, LanguageToolStatus status, Conditions conditions) {
        return switch (catalog) {
            case ToolListing.Listed listed -> {
                status.setAvailableTools(listed.tools());
                conditions.set(ToolListing.TOOLS_LISTED, true, "Listed", listed.message());
                yield Optional.empty();
            }
            case ToolListing.Pending pending -> {
                // the catalog of the previous generation stays visible; agents wait for this one
                conditions.set(ToolListing.TOOLS_LISTED, false, "Listing", pending.message());
                yield Optional.of(pending.retryAfter());
            }
            case ToolListing.Failed failed -> {
                conditions.set(ToolListing.TOOLS_LISTED, false, "ListingFailed", failed.message());
                yield Optional.of(failed.retryAfter());
            }
        };
    }

    private static List<String> agentsUsing(LanguageTool tool, Context<LanguageTool> context) {
        ResourceID id = ResourceID.fromResource(tool);
        @SuppressWarnings("unchecked")
        var agents = (InformerEventSource<LanguageAgent, LanguageTool>)
                context.eventSourceRetriever().getEventSourceFor(LanguageAgent.class);
        return agents.list(agent -> toolsOf(agent).contains(id) && enabled(agent, tool))
                .map(agent -> agent.getMetadata().getNamespace() + "/"
                        + agent.getMetadata().getName())
                .sorted()
                .toList();
    }

    private static boolean enabled(LanguageAgent agent, LanguageTool tool) {
        return agent.getSpec().getToolRefs().stream()
                .filter(ref -> ref.getName().equals(tool.getMetadata().getName()))
                .map(ToolReference::getEnabled)
                .noneMatch(Boolean.FALSE::equals);
    }

    private static UpdateControl<LanguageTool> finish(
            LanguageTool tool,
            Context<LanguageTool> context,
            LanguageToolStatus status,
            Conditions conditions,
            ToolPhase phase,
            String reason,
            String message) {
        if (status.getPhase() != phase) {
            status.setLastTransitionTime(java.time.Instant.now()
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    .toString());
        }
        status.setPhase(phase);
        status.setReason(reason);
        status.setMessage(message);
        status.setConditions(conditions.build());
        return StatusUpdates.patchIfChanged(tool, status, context);
    }
}
