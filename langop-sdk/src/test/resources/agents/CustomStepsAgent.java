import com.fasterxml.jackson.databind.JsonNode;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import io.langop.sdk.workflow.StepResults;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

public class Agent implements LangopAgent {

    record Headline(String title, int score) {}

    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("ranker")
                .objective("Rank headlines")
                .workflow(w -> w
                        .step("fetch", s -> s.tool("web_search").param("query", "java 25"))
                        .step("rank", s -> s.custom(this::rank).dependsOn("fetch"))
                        .step("report", s -> s.custom(r -> "Top: " + r.json("rank").path(0).path("title").asText()).dependsOn("rank")))
                .build();
    }

    private List<Map<String, Object>> rank(StepResults results) {
        List<Headline> headlines = new ArrayList<>();
        for (JsonNode item : results.json("fetch").path("results")) {
            headlines.add(new Headline(item.path("title").asText(), item.path("title").asText().length()));
        }
        return headlines.stream()
                .sorted(Comparator.comparingInt(Headline::score).reversed())
                .map(h -> Map.<String, Object>of("title", h.title(), "score", h.score()))
                .collect(Collectors.toList());
    }
}
