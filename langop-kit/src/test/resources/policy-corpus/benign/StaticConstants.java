// Static constants and a static initializer that only computes.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import java.util.Map;
import java.util.TreeMap;

public class Agent implements LangopAgent {
    private static final Map<String, Integer> LIMITS;

    static {
        Map<String, Integer> limits = new TreeMap<>();
        limits.put("daily", 10);
        limits.put("hourly", 2);
        LIMITS = Map.copyOf(limits);
    }

    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("corpus").objective("Limits " + new TreeMap<>(LIMITS)).build();
    }
}
