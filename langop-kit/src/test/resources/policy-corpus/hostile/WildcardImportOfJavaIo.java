// A wildcard import of java.io, so that file classes could be named without their package.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import java.io.*; // refused: import of package java.io.* is not allowed in agent code (file access outside the workspace API)

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
