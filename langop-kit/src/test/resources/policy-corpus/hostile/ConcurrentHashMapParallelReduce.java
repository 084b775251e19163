// A parallel reduction over a ConcurrentHashMap.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            var map = new java.util.concurrent.ConcurrentHashMap<String, Integer>();
            map.reduceValues(1L, Integer::sum); // refused: java.util.concurrent.ConcurrentHashMap.reduceValues(long
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
