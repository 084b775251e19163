import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

/** Every weekday morning: the model writes a short digest, the email tool sends it to the team. */
public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("morning-mail")
                .schedule("0 7 * * 1-5")
                .objective("Mail the morning digest to the platform team")
                .workflow(w -> w
                        .step("write", s -> s.prompt("Write a two-line digest for the platform team."))
                        .step("send", s -> s.tool("send_email")
                                .param("to", "platform-team@example.com")
                                .param("subject", "Morning digest")
                                .param("body", "{write}")
                                .dependsOn("write")))
                .build();
    }
}
