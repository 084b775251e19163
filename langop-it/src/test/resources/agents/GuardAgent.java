import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.agent.LangopAgent;

/** Handles what its forwarded triggers bring: the run's event is what the trigger's mapping made of the change or time. */
public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("settings-guard")
                .mode(ExecutionMode.EVENT_DRIVEN)
                .objective("Handle what the triggers bring")
                .workflow(w -> w.step("handle", s -> s.prompt("Handle {event.what}")))
                .build();
    }
}
