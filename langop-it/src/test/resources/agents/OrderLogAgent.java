import com.fasterxml.jackson.databind.JsonNode;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.agent.LangopAgent;
import io.langop.sdk.agent.Workspace;
import io.langop.sdk.memory.Memory;

/** Logs each order the shop posts under its id, and remembers the id of the last one. */
public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("order-log")
                .mode(ExecutionMode.EVENT_DRIVEN)
                .objective("Log every order the shop posts")
                .workflow(w -> w.step("log", s -> s.custom(r -> {
                    String id = r.event("id").map(JsonNode::asText).orElse("unknown");
                    String item = r.event("item").map(JsonNode::asText).orElse("");
                    Workspace.current().write("orders/" + id + ".txt", item);
                    Memory.current().state().put("last-order", id);
                    return "logged order " + id;
                })))
                .build();
    }
}
