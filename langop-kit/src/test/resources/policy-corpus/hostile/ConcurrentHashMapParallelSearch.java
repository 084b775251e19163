// A parallel search over a ConcurrentHashMap.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            var map = new java.util.concurrent.ConcurrentHashMap<String, Integer>();
            map.search(1L, (key, value) -> value); // refused: java.util.concurrent.ConcurrentHashMap.search(long
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
