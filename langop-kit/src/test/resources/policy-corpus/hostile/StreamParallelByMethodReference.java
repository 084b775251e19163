// BaseStream.parallel hidden in a method reference.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            java.util.function.UnaryOperator<java.util.stream.Stream<String>> parallel = java.util.stream.Stream::parallel; // refused: java.util.stream.BaseStream.parallel is not allowed
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
