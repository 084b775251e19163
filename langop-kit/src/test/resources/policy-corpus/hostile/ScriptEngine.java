// A script engine runs code that was never checked.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            javax.script.ScriptEngineManager manager = null; // refused: javax.script.ScriptEngineManager is not allowed in agent code (dynamic code)
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
