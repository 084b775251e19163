// ConcurrentHashMap's bulk operations with a parallelism threshold run on the common fork-join pool.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            var map = new java.util.concurrent.ConcurrentHashMap<String, Integer>();
            map.forEach(1L, (key, value) -> {}); // refused: java.util.concurrent.ConcurrentHashMap.forEach(long, java.util.function.BiConsumer) is not allowed in agent code (threads of its own
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
