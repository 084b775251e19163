import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class Agent implements LangopAgent {
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    public AgentDefinition define() {
        BigDecimal threshold = new BigDecimal("0.125").setScale(2, RoundingMode.HALF_UP);
        LOG.info("Defining agent with threshold {}", threshold);
        StringBuilder prompt = new StringBuilder("Check error rates above ").append(threshold);
        try {
            Integer.parseInt("not a number");
        } catch (NumberFormatException expected) {
            prompt.append(" (strict mode)");
        }
        return AgentDefinition.builder("error-rates")
                .objective(prompt.toString())
                .workflow(w -> w.step("rates", s -> s.tool("web_fetch").param("url", "https://status.example.com/api"))
                        .step("judge", s -> s.prompt("Are any rates above " + threshold + "? {rates}").dependsOn("rates")))
                .build();
    }
}
