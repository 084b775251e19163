// TimeUnit's conversions are arithmetic.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        long millis = TimeUnit.SECONDS.toMillis(3);
        return AgentDefinition.builder("corpus")
                .objective("Wait " + millis + " ms")
                .constraints(limits -> limits.timeout(Duration.of(millis, TimeUnit.MILLISECONDS.toChronoUnit())))
                .build();
    }
}
