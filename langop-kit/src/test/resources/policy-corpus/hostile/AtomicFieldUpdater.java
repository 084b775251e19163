// Atomic field updaters reach fields by name, reflectively.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    volatile int counter;

    @Override
    public AgentDefinition define() {
        try {
            java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater(Agent.class, "counter"); // refused: java.util.concurrent.atomic.AtomicIntegerFieldUpdater is not allowed in agent code (reflection)
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
