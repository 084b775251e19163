import com.fasterxml.jackson.databind.ObjectMapper;
import io.langop.kit.catalog.CatalogJson;
import io.langop.kit.catalog.ToolCatalog;
import io.langop.kit.check.AgentSetting;
import io.langop.kit.check.CodeChecker;
import io.langop.operator.synthesis.AgentBrief;
import io.langop.operator.synthesis.ChildJvmDryRun;
import io.langop.operator.synthesis.SynthesisPrompt;
import io.langop.operator.synthesis.SynthesisRequest;
import io.langop.operator.synthesis.SynthesisResult;
import io.langop.operator.synthesis.Synthesizer;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.llm.LlmClient;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.retry.Backoff;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Prints what one whole synthesis round costs the operator beyond the LLM's own time: the operator's Synthesizer
 * (prompt with the tool catalog, HTTP round trip on loopback, extraction, compile, safety policy and semantic check)
 * against a local scripted LLM that writes its answer as models do, piece by piece with pauses between. The LLM's
 * own time is what the scripted server spent answering (from reading the request to writing the last byte); the
 * overhead is the round's wall time minus that. The check alone is bench/agent/CheckerBench.java, which run.sh
 * calls on the operator's class path first.
 * The LLM answers with the prompt's worked example, a typical synthesized agent that calls the web and mail tools,
 * so the semantic check holds it against their catalog.
 * Usage: java -cp CLASSPATH SynthesisCheckBench.java [warmRuns] [pieces] [gapMillis]
 */
public class SynthesisCheckBench {
    public static void main(String[] args) throws Exception {
        String source = SynthesisPrompt.bundled().workedExample();
        int warmRuns = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int pieces = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Duration gap = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 20);
        CodeChecker checker = CodeChecker.forRuntimeClasspath();

        try (ScriptedOpenAiServer llm = new ScriptedOpenAiServer()) {
            llm.otherwise(new ScriptedOpenAiServer.Text("Here it is:\n```java\n" + source + "\n```", 1500, 700))
                    .paceReplies(pieces, gap);
            Synthesizer synthesizer = new Synthesizer(
                    LlmClient.openAiCompatible(
                            llm.baseUrl(),
                            "unused",
                            "bench-model",
                            Duration.ofSeconds(30),
                            new Backoff(1, Duration.ofMillis(100), Duration.ofMillis(100))),
                    checker,
                    ChildJvmDryRun.ofThisJvm(),
                    SynthesisPrompt.bundled(),
                    3);
            // the catalog of the real web and mail servers' tools the example calls, as the operator reads it
            ToolCatalog tools = ToolCatalog.of(CatalogJson.tools(new ObjectMapper().readTree("""
                    [{"name": "web_search", "description": "Search the web.",
                      "inputSchema": {"type": "object", "required": ["query"], "properties": {
                        "query": {"type": "string"}, "max_results": {"type": "integer"}}}},
                     {"name": "send_email", "description": "Send an e-mail.",
                      "inputSchema": {"type": "object", "required": ["to", "subject", "body"], "properties": {
                        "to": {"type": "string"}, "subject": {"type": "string"}, "body": {"type": "string"}}}}]
                    """)));
            AgentBrief brief = new AgentBrief(
                    new SynthesisRequest(
                            "digest",
                            "bench",
                            "Every weekday at 9:00, search the web for Kubernetes CVEs and e-mail a summary.",
                            List.of("gpt"),
                            new AgentSetting(tools, Optional.of(ExecutionMode.SCHEDULED), Optional.of("0 9 * * 1-5")),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty()),
                    "A careful analyst.");
            System.out.printf(
                    "synthesis round, LLM answering in %d pieces %d ms apart (LLM time = the server's answering time)%n",
                    pieces, gap.toMillis());
            Round first = round(synthesizer, brief, llm);
            System.out.printf(
                    "  first: wall %.0f ms, LLM %.0f ms, overhead %.0f ms%n",
                    first.wallMs, first.llmMs, first.overheadMs());
            Round[] warm = new Round[warmRuns];
            for (int i = 0; i < warmRuns; i++) {
                warm[i] = round(synthesizer, brief, llm);
            }
            print(
                    "  warm overhead",
                    Arrays.stream(warm).mapToDouble(Round::overheadMs).sorted().toArray());
            print(
                    "  warm LLM time",
                    Arrays.stream(warm)
                            .mapToDouble(round -> round.llmMs)
                            .sorted()
                            .toArray());
        }
    }

    record Round(double wallMs, double llmMs) {
        double overheadMs() {
            return wallMs - llmMs;
        }
    }

    /** One synthesis round, refused unless its code passed every check on the first answer. */
    private static Round round(Synthesizer synthesizer, AgentBrief brief, ScriptedOpenAiServer llm) throws Exception {
        Duration llmBefore = llm.answeringTime();
        long start = System.nanoTime();
        SynthesisResult result = synthesizer.synthesize(brief);
        double wallMs = (System.nanoTime() - start) / 1e6;
        if (!result.succeeded() || result.attempts() != 1) {
            throw new IllegalStateException("synthesis refused: " + result.errors());
        }
        return new Round(wallMs, llm.answeringTime().minus(llmBefore).toNanos() / 1e6);
    }

    private static void print(String what, double[] ms) {
        System.out.printf(
                "%s over %d: median %.0f ms, p90 %.0f ms, min %.0f ms%n",
                what, ms.length, ms[ms.length / 2], ms[(int) (ms.length * 0.9)], ms[0]);
    }
}
