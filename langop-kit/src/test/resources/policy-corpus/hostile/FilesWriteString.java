// java.nio.file.Files writes any file.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/langop-corpus"), "x"); // refused: java.nio.file.Files is not allowed
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
