import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.agent.LangopAgent;
import io.langop.sdk.agent.Output;
import io.langop.sdk.workflow.StepResults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A synthesized-size agent: persona, objectives, a four-step workflow with custom logic, constraints, output. */
public class Agent implements LangopAgent {

    private static final List<String> PROJECTS = List.of("kubernetes", "istio", "argo-cd");

    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("release-digest")
                .description("Weekly digest of releases and security advisories for the platform's core projects")
                .persona("""
                        You are a release manager for a platform team. You read release notes and advisories,
                        keep only what affects operators of production clusters, and write short, factual bullets
                        with links. You never speculate about unreleased versions.
                        """)
                .mode(ExecutionMode.SCHEDULED)
                .schedule("0 8 * * 1")
                .objectives(
                        "Collect the releases of the core projects published during the last week",
                        "Flag security fixes and breaking changes",
                        "Write a digest the on-call engineer can read in two minutes")
                .workflow(w -> w.step(
                                "plan",
                                s -> s.prompt("List what to check this week for: " + String.join(", ", PROJECTS)))
                        .step("releases", s -> s.custom(this::releaseQueries).dependsOn("plan"))
                        .step(
                                "assess",
                                s -> s.prompt(
                                                "Given this plan {plan} and these queries {releases}, flag security fixes.")
                                        .dependsOn("releases"))
                        .step(
                                "digest",
                                s -> s.custom(r -> format(r.text("assess"))).dependsOn("assess")))
                .constraints(c -> c.maxIterations(25)
                        .timeout(Duration.ofMinutes(10))
                        .tokenBudget(200_000)
                        .requestsPerMinute(20)
                        .blockedTopics("credentials", "private key"))
                .output(Output.workspace("digests/{date}.md"))
                .build();
    }

    private Map<String, Object> releaseQueries(StepResults results) {
        List<String> queries = new ArrayList<>();
        for (String project : PROJECTS) {
            queries.add(project + " release notes " + results.text("plan").length());
        }
        return Map.of("queries", queries, "count", queries.size());
    }

    private static String format(String assessment) {
        StringBuilder digest = new StringBuilder("# Release digest\n\n");
        for (String line : assessment.split("\n")) {
            if (!line.isBlank()) {
                digest.append("- ")
                        .append(line.strip().toLowerCase(Locale.ROOT))
                        .append('\n');
            }
        }
        return digest.toString();
    }
}
