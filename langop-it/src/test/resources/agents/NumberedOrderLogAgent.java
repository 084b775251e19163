import com.fasterxml.jackson.databind.JsonNode;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.agent.LangopAgent;
import io.langop.sdk.agent.Workspace;
import io.langop.sdk.memory.Memory;

/** Logs each order the shop posts under the next number, counted in the state key ${COUNTER_KEY}. */
public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("order-log")
                .mode(ExecutionMode.EVENT_DRIVEN)
                .objective("Log every order the shop posts, numbered")
                .workflow(w -> w.step("log", s -> s.custom(r -> {
                    Memory memory = Memory.current();
                    long number = Long.parseLong(memory.state().get("${COUNTER_KEY}", "0")) + 1;
                    String id = r.event("id").map(JsonNode::asText).orElse("unknown");
                    String item = r.event("item").map(JsonNode::asText).orElse("");
                    Workspace.current().write("orders/" + number + ".txt", id + ": " + item);
                    memory.state().put("${COUNTER_KEY}", Long.toString(number));
                    return "logged order " + id + " as " + number;
                })))
                .build();
    }
}
