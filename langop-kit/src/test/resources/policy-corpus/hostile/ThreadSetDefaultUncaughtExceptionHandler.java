// Thread.setDefaultUncaughtExceptionHandler changes what happens to every thread's failure.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {}); // refused: java.lang.Thread is not allowed
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
