import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.agent.LangopAgent;

/** Triages each event its triggers accept: the run's event is what the trigger's mapping made of the delivery. */
public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("issue-triage")
                .mode(ExecutionMode.EVENT_DRIVEN)
                .objective("Triage what the triggers bring")
                .workflow(w -> w.step("triage", s -> s.prompt("Triage {event.kind} {event.id} of {event.from}: {event.title}")))
                .build();
    }
}
