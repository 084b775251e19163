import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    public AgentDefinition define() {
        return AgentDefinition.builder("helpdesk")
                .description("Answers questions about the cluster")
                .persona("""
                        You are the platform team's helpdesk. Answer briefly, cite the tool output you used,
                        and say so when you do not know.
                        """)
                .mode(ExecutionMode.INTERACTIVE)
                .objective("Answer platform questions")
                .constraints(c -> c.requestsPerMinute(30).blockedTopics("password", "secret key"))
                .build();
    }
}
