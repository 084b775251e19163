import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import io.langop.sdk.agent.Output;

/** Writes a haiku with the LLM alone: no tools. */
public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("haiku")
                .objective("Write a haiku about Kubernetes")
                .output(Output.workspace("haiku.md"))
                .build();
    }
}
