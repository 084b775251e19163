// Locale.setDefault hidden in a method reference.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            java.util.function.Consumer<java.util.Locale> set = java.util.Locale::setDefault; // refused: java.util.Locale.setDefault is not allowed
            set.accept(java.util.Locale.JAPAN);
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
