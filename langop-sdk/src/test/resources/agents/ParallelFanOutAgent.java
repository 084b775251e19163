import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import io.langop.sdk.workflow.Workflow;
import java.util.List;

public class Agent implements LangopAgent {
    private static final List<String> TOPICS = List.of("kubernetes", "istio", "argo");

    public AgentDefinition define() {
        return AgentDefinition.builder("fan-out")
                .objective("Collect news for several projects")
                .workflow(w -> {
                    Workflow.Builder builder = w;
                    for (String topic : TOPICS) {
                        builder = builder.step("search_" + topic, s -> s.tool("web_search").param("query", topic + " release"));
                    }
                    String[] all = TOPICS.stream().map(t -> "search_" + t).toArray(String[]::new);
                    return builder.step("merge", s -> s.prompt("Merge: {search_kubernetes} {search_istio} {search_argo}").dependsOn(all));
                })
                .build();
    }
}
