// SLF4J logging and the three System members about time.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class Agent implements LangopAgent {
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    @Override
    public AgentDefinition define() {
        long started = System.nanoTime();
        LOG.debug("defining at {}{}", System.currentTimeMillis(), System.lineSeparator());
        return AgentDefinition.builder("corpus")
                .objective("Defined in " + (System.nanoTime() - started) + " ns")
                .build();
    }
}
