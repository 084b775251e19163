import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import io.langop.sdk.agent.Output;

/** Reads one page through the web tool and writes a one-line digest of it. */
public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("release-digest")
                .objective("Summarize the release notes page in one line")
                .workflow(w -> w
                        .step("fetch", s -> s.tool("web_fetch").param("url", "${PAGE_URL}"))
                        .step("summarize", s -> s.prompt("Summarize these release notes in one line:\n{fetch}")
                                .dependsOn("fetch")))
                .output(Output.workspace("${OUTPUT_FILE}"))
                .build();
    }
}
