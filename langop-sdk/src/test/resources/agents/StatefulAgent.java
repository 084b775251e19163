import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import io.langop.sdk.agent.Workspace;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import java.util.Optional;

public class Agent implements LangopAgent {
    private final Map<String, Integer> seen = new ConcurrentHashMap<>();
    private final AtomicInteger runs = new AtomicInteger();

    public AgentDefinition define() {
        return AgentDefinition.builder("dedupe")
                .objective("Report only new items")
                .workflow(w -> w
                        .step("list", s -> s.tool("web_search").param("query", "new items"))
                        .step("dedupe", s -> s.custom(r -> {
                            runs.incrementAndGet();
                            long started = System.currentTimeMillis();
                            String key = Optional.ofNullable(r.text("list")).orElse("");
                            int count = seen.merge(key, 1, Integer::sum);
                            Workspace workspace = Workspace.current();
                            boolean known = workspace.readIfExists("seen.txt").orElse("").lines().anyMatch(key::equals);
                            if (!known) {
                                workspace.append("seen.txt", key + "\n");
                            }
                            return Map.of("new", !known && count == 1, "runs", runs.get(), "ms", System.currentTimeMillis() - started);
                        }).dependsOn("list")))
                .build();
    }
}
