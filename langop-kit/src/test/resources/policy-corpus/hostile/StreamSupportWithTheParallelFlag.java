// A stream built with the parallel flag, without ever calling parallel().
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            java.util.stream.StreamSupport.stream(java.util.List.of(1).spliterator(), true).count(); // refused: java.util.stream.StreamSupport.stream with a parallel flag other than the literal false is not allowed in agent code (threads of its own
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
