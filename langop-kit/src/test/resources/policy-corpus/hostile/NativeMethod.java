// A native method.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    public native void evil(); // refused: native method evil is not allowed in agent code (native code)

    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
