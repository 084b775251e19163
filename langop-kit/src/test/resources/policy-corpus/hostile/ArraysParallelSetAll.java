// Arrays.parallelSetAll runs its function on the common fork-join pool.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            java.util.Arrays.parallelSetAll(new int[4], index -> index); // refused: java.util.Arrays.parallelSetAll is not allowed
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
