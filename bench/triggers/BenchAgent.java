import com.fasterxml.jackson.databind.ObjectMapper;
import io.langop.agent.runtime.AgentRuntime;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.config.AgentConfig;
import io.langop.wire.AgentEnv;
import io.langop.wire.AgentTriggers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The event-driven agent the trigger benchmarks post to: one webhook trigger configured as the operator writes it, a
 * workspace whose event journal starts empty, runs of one trivial custom step (the figures are the endpoint's and the
 * journal's, not a model's) and a queue large enough never to answer 429.
 */
final class BenchAgent {

    private BenchAgent() {}

    /** The agent runtime (not serving yet) with {@code trigger}, whose secret is {@code secret}. */
    static AgentRuntime connect(String llmUrl, Path workspace, AgentTriggers.Webhook trigger, String secret)
            throws Exception {
        emptyJournal(workspace);
        var config = AgentConfig.from(Map.of(
                AgentEnv.MODEL_ENDPOINTS,
                llmUrl,
                "PORT",
                "0",
                AgentEnv.WORKSPACE_PATH,
                workspace.toString(),
                AgentEnv.AGENT_EVENT_QUEUE,
                "1000000",
                AgentEnv.AGENT_TRIGGERS,
                new ObjectMapper().writeValueAsString(new AgentTriggers(List.of(trigger))),
                trigger.secretEnv(),
                secret));
        var agent = AgentDefinition.builder("bench")
                .mode(ExecutionMode.EVENT_DRIVEN)
                .objective("Count events")
                .workflow(w -> w.step("count", s -> s.custom(results -> "ok")))
                .build();
        return AgentRuntime.connect(config, () -> agent);
    }

    private static void emptyJournal(Path workspace) throws Exception {
        Files.createDirectories(workspace);
        Path events = workspace.resolve(".langop/events");
        if (Files.isDirectory(events)) {
            try (var old = Files.list(events)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
