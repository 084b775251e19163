import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import io.langop.sdk.agent.Output;
import java.time.Duration;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("kubernetes-news")
                .description("Daily Kubernetes security digest")
                .persona("You are a concise security analyst. You write short, factual summaries.")
                .schedule("0 9 * * 1-5")
                .objectives("Find new Kubernetes CVEs", "Summarize them for the platform team")
                .workflow(w -> w
                        .step("search", s -> s.tool("web_search").param("query", "kubernetes CVE {date}").param("max_results", 5))
                        .step("summarize", s -> s.prompt("Summarize these results in five bullets:\n{search}").dependsOn("search")))
                .constraints(c -> c.maxIterations(20).timeout(Duration.ofMinutes(5)).tokenBudget(50_000))
                .output(Output.workspace("reports/{date}.md"))
                .build();
    }
}
