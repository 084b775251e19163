// TimeUnit.timedWait is Object.wait under another name.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            java.util.concurrent.TimeUnit.SECONDS.timedWait(this, 1); // refused: java.util.concurrent.TimeUnit.timedWait is not allowed in agent code (threads of its own
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
