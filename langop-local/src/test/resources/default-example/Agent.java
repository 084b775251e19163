import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

/** What the scripted LLM answers for examples/simple-agent: a digest written by the model, mailed to the team. */
public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("kubernetes-digest")
                .schedule("0 7 * * 1-5")
                .objective("Mail a short Kubernetes security digest to the platform team")
                .workflow(w -> w
                        .step("write", s -> s.prompt("Summarise today's Kubernetes security news in three lines."))
                        .step("send", s -> s.tool("send_email")
                                .param("to", "platform-team@example.com")
                                .param("subject", "Kubernetes security digest")
                                .param("body", "{write}")
                                .dependsOn("write")))
                .build();
    }
}
