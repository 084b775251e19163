import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import io.langop.sdk.memory.Memory;

/** Every hour: counts its runs in its memory and has the model write a line about this one. */
public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("run-counter")
                .schedule("0 * * * *")
                .objective("Note each run")
                .workflow(w -> w.step("count", s -> s.custom(results -> {
                            Memory memory = Memory.current();
                            int runs = Integer.parseInt(memory.state().get("runs", "0")) + 1;
                            memory.state().put("runs", Integer.toString(runs));
                            return runs + " (last successful run: "
                                    + memory.lastSuccessfulRun().map(Object::toString).orElse("never") + ")";
                        }))
                        .step("note", s -> s.prompt("Write a note on run {count}").dependsOn("count")))
                .build();
    }
}
