import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import io.langop.sdk.agent.Output;
import java.time.Duration;

public class Agent implements LangopAgent {

    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("k8s-cve-digest")
                .description("Weekday digest of new Kubernetes CVEs, mailed to the platform team")
                .persona("You are a concise security analyst. You cite sources and never speculate.")
                .schedule("0 9 * * 1-5")
                .objective("Find Kubernetes CVEs published in the last day and mail a short summary")
                .workflow(w -> w
                        .step("search", s -> s.tool("web_search")
                                .param("query", "Kubernetes CVE {date}")
                                .param("max_results", 5))
                        .step("summary", s -> s.prompt("Summarize the new CVEs in these results, one line each with its link:\n{search}")
                                .dependsOn("search"))
                        .step("mail", s -> s.tool("send_email")
                                .param("to", "platform@example.com")
                                .param("subject", "Kubernetes CVEs {date}")
                                .param("body", "{summary}")
                                .dependsOn("summary")
                                .when(results -> !results.text("summary").isBlank())))
                .constraints(c -> c.maxIterations(20).timeout(Duration.ofMinutes(10)))
                .output(Output.workspace("reports/cve-{date}.md"))
                .build();
    }
}
