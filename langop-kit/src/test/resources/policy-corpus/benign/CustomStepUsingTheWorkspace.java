// A custom step that keeps state in the workspace through the SDK's Workspace.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import io.langop.sdk.agent.Workspace;
import java.util.HashSet;
import java.util.Set;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("corpus")
                .objective("Remember what was seen")
                .workflow(steps -> steps.step("remember", step -> step.custom(results -> {
                    Workspace workspace = Workspace.current();
                    Set<String> seen = new HashSet<>(
                            workspace.readIfExists("seen.txt").orElse("").lines().toList());
                    if (seen.add("today")) {
                        workspace.append("seen.txt", "today\n");
                    }
                    return seen.size();
                })))
                .build();
    }
}
