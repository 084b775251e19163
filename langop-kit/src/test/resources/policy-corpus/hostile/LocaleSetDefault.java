// Locale.setDefault changes number and date formatting for the whole JVM.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            java.util.Locale.setDefault(java.util.Locale.CHINA); // refused: java.util.Locale.setDefault is not allowed in agent code (JVM-wide defaults
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
