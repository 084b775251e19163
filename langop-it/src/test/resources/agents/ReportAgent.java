import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import io.langop.sdk.agent.Output;

/** Every weekday morning: one headline for the team, filed under the day's date. */
public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("morning-report")
                .schedule("0 9 * * 1-5")
                .objective("Write the morning headline")
                .workflow(w -> w.step("headline", s -> s.prompt("Write today's headline for the platform team.")))
                .output(Output.workspace("reports/{date}.md"))
                .build();
    }
}
