// A class of the agent that is a Thread.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    static final class Worker extends Thread {} // refused: java.lang.Thread is not allowed

    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
