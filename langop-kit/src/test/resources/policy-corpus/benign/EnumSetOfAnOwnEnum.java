// A class literal of the agent's own enum passed to EnumSet.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import java.util.EnumSet;

public class Agent implements LangopAgent {
    enum Level {
        LOW,
        HIGH
    }

    @Override
    public AgentDefinition define() {
        EnumSet<Level> levels = EnumSet.allOf(Level.class);
        Level high = Enum.valueOf(Level.class, "HIGH");
        return AgentDefinition.builder("corpus")
                .objective("Levels " + levels + ", highest " + high.name() + " " + high.ordinal())
                .build();
    }
}
