// The parallel flag passed in a variable, so that it is not visibly true.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            boolean fast = !Boolean.FALSE;
            java.util.stream.StreamSupport.intStream(java.util.stream.IntStream.range(0, 3).spliterator(), fast).sum(); // refused: java.util.stream.StreamSupport.intStream with a parallel flag
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
