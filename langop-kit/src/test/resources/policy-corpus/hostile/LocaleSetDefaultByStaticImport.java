// Locale.setDefault called by its simple name through a static import.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import static java.util.Locale.setDefault;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            setDefault(java.util.Locale.KOREA); // refused: java.util.Locale.setDefault is not allowed
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
