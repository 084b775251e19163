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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Prints what one whole synthesis round costs the operator besides the LLM: the operator's Synthesizer against a
 * local scripted LLM that answers at once (prompt, HTTP round trip on loopback, extraction, code check). The
 * check alone is bench/agent/CheckerBench.java, which run.sh calls on the operator's class path first.
 * Usage: java -cp CLASSPATH SynthesisCheckBench.java Agent.java [warmRuns]
 */
public class SynthesisCheckBench {
    public static void main(String[] args) throws Exception {
        String source = Files.readString(Path.of(args[0]));
        int warmRuns = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        CodeChecker checker = CodeChecker.forRuntimeClasspath();

        try (ScriptedOpenAiServer llm = new ScriptedOpenAiServer()) {
            llm.otherwise(new ScriptedOpenAiServer.Text("Here it is:\n```java\n" + source + "\n```", 1500, 700));
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
            long roundStart = System.nanoTime();
            SynthesisResult firstRound = synthesizer.synthesize(brief);
            double firstRoundMs = (System.nanoTime() - roundStart) / 1e6;
            if (!firstRound.succeeded()) {
                throw new IllegalStateException("synthesis refused: " + firstRound.errors());
            }
            System.out.printf("synthesis round (instant local LLM): first %.0f ms%n", firstRoundMs);
            print("synthesis round (instant local LLM): warm", time(warmRuns, () -> synthesizer.synthesize(brief)));
        }
    }

    interface Run {
        void run() throws Exception;
    }

    private static double[] time(int runs, Run run) throws Exception {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            run.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void print(String what, double[] ms) {
        System.out.printf(
                "%s over %d: median %.0f ms, p90 %.0f ms, min %.0f ms%n",
                what, ms.length, ms[ms.length / 2], ms[(int) (ms.length * 0.9)], ms[0]);
    }
}
