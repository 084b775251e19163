// Gatherers.mapConcurrent runs the mapper on virtual threads of its own.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            java.util.stream.Stream.of(1, 2).gather(java.util.stream.Gatherers.mapConcurrent(4, value -> value)).toList(); // refused: java.util.stream.Gatherers.mapConcurrent is not allowed in agent code (threads of its own
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
