// A URL opened without the SDK, e.g. the cloud metadata endpoint.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            java.net.URI.create("http://169.254.169.254").toURL().openStream(); // refused: java.net.URI is not allowed
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
