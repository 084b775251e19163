// A custom step that keeps state between runs, a document and the last successful run through Memory.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import io.langop.sdk.memory.DocumentInfo;
import io.langop.sdk.memory.KeyValueStore;
import io.langop.sdk.memory.Memory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("corpus")
                .objective("Remember what was seen")
                .workflow(steps -> steps.step("remember", step -> step.custom(results -> {
                    Memory memory = Memory.current();
                    Instant since = memory.lastSuccessfulRun().orElse(Instant.now().minus(Duration.ofDays(1)));
                    KeyValueStore state = memory.state();
                    int count = Integer.parseInt(state.get("count", "0")) + 1;
                    state.put("count", Integer.toString(count));
                    memory.documents().put("notes/" + count + ".md", "text/markdown", "since " + since);
                    List<DocumentInfo> notes = memory.documents().list("notes/");
                    return notes.size();
                })))
                .build();
    }
}
