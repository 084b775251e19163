// ConcurrentHashMap's ordinary map operations run on the caller's thread.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        var counts = new ConcurrentHashMap<String, Integer>();
        counts.merge("a", 1, Integer::sum);
        counts.compute("b", (key, value) -> value == null ? 1 : value + 1);
        StringBuilder seen = new StringBuilder();
        counts.forEach((key, value) -> seen.append(key).append(value));
        Set<String> keys = ConcurrentHashMap.newKeySet();
        keys.addAll(counts.keySet());
        return AgentDefinition.builder("corpus")
                .objective("Count " + seen + " over " + counts.mappingCount() + " keys, " + keys.size() + " seen")
                .build();
    }
}
