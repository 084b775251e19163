// A raw socket.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            new java.net.Socket("example.com", 80).close(); // refused: java.net.Socket is not allowed in agent code (raw sockets and HTTP outside the SDK)
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
