// RandomAccessFile in rw mode writes any file.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            new java.io.RandomAccessFile("/tmp/langop-corpus", "rw").close(); // refused: java.io.RandomAccessFile is not allowed
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
