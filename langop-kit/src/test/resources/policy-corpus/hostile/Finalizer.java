// A finalizer runs on the JVM's finalizer thread.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    protected void finalize() {} // refused: finalize() is not allowed in agent code

    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
