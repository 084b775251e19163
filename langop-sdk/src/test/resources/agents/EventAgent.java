import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.agent.LangopAgent;
import java.util.regex.Pattern;

public class Agent implements LangopAgent {
    private static final Pattern TICKET = Pattern.compile("[A-Z]+-\\d+");

    public AgentDefinition define() {
        return AgentDefinition.builder("ticket-triage")
                .mode(ExecutionMode.EVENT_DRIVEN)
                .objective("Triage incoming tickets")
                .workflow(w -> w
                        .step("ticket", s -> s.custom(r -> {
                            var matcher = TICKET.matcher(r.text("event"));
                            return matcher.find() ? matcher.group() : "UNKNOWN";
                        }))
                        .step("triage", s -> s.prompt("Classify ticket {ticket} with payload {event.summary}").dependsOn("ticket")))
                .build();
    }
}
