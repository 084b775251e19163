package io.langop.operator.persona;

import io.fabric8.kubernetes.api.model.Condition;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.persona.LanguagePersona;
import io.langop.api.v1alpha1.persona.LanguagePersonaStatus;
import io.langop.api.v1alpha1.persona.PersonaPhase;
import io.langop.api.v1alpha1.persona.ValidationResult;
import io.langop.operator.kube.ConditionEvents;
import io.langop.operator.kube.ConditionEvents.Rule;
import io.langop.operator.kube.Conditions;
import io.langop.operator.kube.ReconcileErrors;
import io.langop.operator.kube.StatusUpdates;
import io.langop.operator.kube.UnreadableSpecs;
import io.langop.operator.kube.Workloads;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a LanguagePersona and reports the agents using it. Agents pick up a persona only while
 * it is Ready, and are reconciled again whenever it changes (see the agent's references).
 */
@ControllerConfiguration(name = "languagepersona")
public class LanguagePersonaReconciler implements Reconciler<LanguagePersona> {

    private static final ConditionEvents EVENTS =
            new ConditionEvents(List.of(Rule.warning(Conditions.READY, "Invalid", "InvalidSpec")));

    @Override
    public List<EventSource<?, LanguagePersona>> prepareEventSources(EventSourceContext<LanguagePersona> context) {
        return List.of(new InformerEventSource<>(
                InformerEventSourceConfiguration.from(LanguageAgent.class, LanguagePersona.class)
                        .withSecondaryToPrimaryMapper(
                                agent -> personaOf(agent).map(Set::of).orElse(Set.of()))
                        .build(),
                context));
    }

    static Optional<ResourceID> personaOf(LanguageAgent agent) {
        if (agent.getSpec() == null || agent.getSpec().getPersonaRef() == null) {
            return Optional.empty();
        }
        var ref = agent.getSpec().getPersonaRef();
        return Optional.of(new ResourceID(
                ref.getName(),
                Objects.requireNonNullElse(
                        ref.getNamespace(), agent.getMetadata().getNamespace())));
    }

    @Override
    public UpdateControl<LanguagePersona> reconcile(LanguagePersona persona, Context<LanguagePersona> context) {
        List<Condition> before =
                persona.getStatus() == null ? null : persona.getStatus().getConditions();
        UpdateControl<LanguagePersona> control = converge(persona, context);
        // the persona now carries the status to write, or still the stored one when nothing changed
        EVENTS.post(
                context.getClient(),
                persona,
                before,
                persona.getStatus() == null ? null : persona.getStatus().getConditions());
        return control;
    }

    /** An unexpected failure of {@link #reconcile} goes into the status too (see {@link ReconcileErrors}). */
    @Override
    public ErrorStatusUpdateControl<LanguagePersona> updateErrorStatus(
            LanguagePersona persona, Context<LanguagePersona> context, Exception error) {
        return ReconcileErrors.record(persona, context, error, LanguagePersonaStatus.class, LanguagePersonaStatus::new);
    }

    private UpdateControl<LanguagePersona> converge(LanguagePersona persona, Context<LanguagePersona> context) {
        LanguagePersonaStatus status =
                Workloads.copy(persona.getStatus(), LanguagePersonaStatus.class, LanguagePersonaStatus::new);
        Conditions conditions =
                new Conditions(status.getConditions(), persona.getMetadata().getGeneration());

        List<String> unreadable = UnreadableSpecs.problems(context.getClient(), persona);
        PersonaValidation.Result result = unreadable.isEmpty()
                ? PersonaValidation.validate(persona)
                : new PersonaValidation.Result(unreadable, List.of());
        status.setValidationResult(validationResult(status.getValidationResult(), result));

        ResourceID id = ResourceID.fromResource(persona);
        @SuppressWarnings("unchecked")
        var agents = (InformerEventSource<LanguageAgent, LanguagePersona>)
                context.eventSourceRetriever().getEventSourceFor(LanguageAgent.class);
        List<String> users = agents.list(
                        agent -> personaOf(agent).filter(id::equals).isPresent())
                .map(agent -> agent.getMetadata().getNamespace() + "/"
                        + agent.getMetadata().getName())
                .sorted()
                .toList();
        status.setUsageCount(users.size());
        status.setActiveAgents(users.isEmpty() ? null : users);

        if (result.valid()) {
            String message = result.warnings().isEmpty() ? "persona is valid" : String.join("; ", result.warnings());
            conditions.set(Conditions.READY, true, "Valid", message);
            status.setPhase(PersonaPhase.READY);
            status.setReason("Valid");
            status.setMessage(message);
        } else {
            String message = String.join("; ", result.errors());
            conditions.set(Conditions.READY, false, "Invalid", message);
            status.setPhase(PersonaPhase.FAILED);
            status.setReason("Invalid");
            status.setMessage(message);
        }
        status.setConditions(conditions.build());
        return StatusUpdates.patchIfChanged(persona, status, context);
    }

    /** Keeps the validation time of an unchanged result, so revalidating writes nothing. */
    private static ValidationResult validationResult(ValidationResult previous, PersonaValidation.Result result) {
        ValidationResult next = new ValidationResult();
        next.setValid(result.valid());
        next.setErrors(result.errors().isEmpty() ? null : result.errors());
        next.setWarnings(result.warnings().isEmpty() ? null : result.warnings());
        boolean unchanged = previous != null
                && Objects.equals(previous.getValid(), next.getValid())
                && Objects.equals(previous.getErrors(), next.getErrors())
                && Objects.equals(previous.getWarnings(), next.getWarnings());
        next.setValidationTime(
                unchanged
                        ? previous.getValidationTime()
                        : Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return next;
    }
}
