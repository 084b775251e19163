package io.langop.console.dashboard;

import io.langop.api.v1alpha1.persona.LanguagePersona;
import io.langop.api.v1alpha1.persona.LanguagePersonaStatus;
import java.util.List;
import java.util.Objects;

/** {@code /personas}: each persona's phase, description, tone and the agents that use it. */
final class PersonasPage implements DashboardPage {

    private final ClusterWatch watch;

    PersonasPage(ClusterWatch watch) {
        this.watch = watch;
    }

    @Override
    public String title() {
        return "Personas";
    }

    @Override
    public List<String> kinds() {
        return List.of("LanguagePersona");
    }

    @Override
    public String live() {
        return "<h2>Personas</h2>\n"
                + Markup.table(
                        "personas",
                        "Personas of the cluster",
                        List.of("Persona", "Phase", "Description", "Tone", "Used by"),
                        watch.personas().stream().map(PersonasPage::row).toList());
    }

    private static String row(LanguagePersona persona) {
        LanguagePersonaStatus status = Objects.requireNonNullElseGet(persona.getStatus(), LanguagePersonaStatus::new);
        var spec = persona.getSpec();
        List<String> agents = Objects.requireNonNullElse(status.getActiveAgents(), List.of());
        return Markup.row(
                Markup.text(persona.getMetadata().getName()),
                Markup.phase(status.getPhase()),
                Markup.text(spec == null ? "" : spec.getDescription()),
                Markup.text(spec == null || spec.getTone() == null ? "" : Markup.phaseLabel(spec.getTone())),
                agents.isEmpty()
                        ? Markup.text(Figures.UNKNOWN)
                        : String.join(
                                ", ", agents.stream().map(Markup::agentLink).toList()));
    }
}
