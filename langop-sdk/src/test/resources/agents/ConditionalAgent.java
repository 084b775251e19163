import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import java.util.Locale;

public class Agent implements LangopAgent {
    public AgentDefinition define() {
        return AgentDefinition.builder("status-watch")
                .objective("Alert when the site is down")
                .workflow(w -> w
                        .step("check", s -> s.tool("web_status").param("url", "https://example.com"))
                        .step("alert", s -> s.tool("send_email")
                                .param("to", "oncall@example.com")
                                .param("subject", "Site down: {check.status}")
                                .param("body", "Status {check.status} at {date} {time}")
                                .dependsOn("check")
                                .when(r -> r.field("check", "status").map(n -> n.asInt() >= 500).orElse(true)))
                        .step("log", s -> s.custom(r -> String.format(Locale.ROOT, "checked, status=%s", r.text("check"))).dependsOn("check")))
                .build();
    }
}
