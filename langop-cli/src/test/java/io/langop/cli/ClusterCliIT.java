package io.langop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code langop} command of the distribution against a real local server: {@code langop local}'s API server,
 * the operator and the pods as processes, with a scripted LLM that writes the agent and then answers as the agent's
 * model. From one sentence to a running interactive agent, then everything a user does with it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterCliIT {

    private static final String NAMESPACE = "playground";
    private static final String INSTRUCTIONS =
            "Answer questions about Kubernetes releases in a chat, in the language of the question.";
    /** Not ASCII: the chat must come through as UTF-8 whatever the terminal's locale. */
    private static final String ANSWER = "Kubernetes 1.99 active les sidecars — partout ✅";

    private static final String SCHEDULED_INSTRUCTIONS =
            "Every weekday at 7 write a one-line briefing about Kubernetes releases.";

    @TempDir
    static Path temp;

    private static ScriptedOpenAiServer llm;
    private static LocalServer local;
    private static Launcher langop;

    @BeforeAll
    static void startLocalServer() throws Exception {
        llm = new ScriptedOpenAiServer();
        // the instructions are only in the synthesis prompt; every other request is the agent's own
        llm.when("Kubernetes releases in a chat", new ScriptedOpenAiServer.Text(agentCode(), 900, 300));
        llm.when("one-line briefing about", new ScriptedOpenAiServer.Text(resource("BriefingAgent.java"), 900, 300));
        llm.otherwise(new ScriptedOpenAiServer.Text(ANSWER, 20, 12));
        Path manifests = Files.createDirectories(temp.resolve("manifests"));
        Files.writeString(
                manifests.resolve("model.yaml"), resource("model.yaml").replace("${LLM_URL}", llm.baseUrl()));
        local = LocalServer.start(manifests, temp.resolve("work"), llm.baseUrl());
        langop = Launcher.of(local.kubeconfig());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (local != null) {
            local.close();
        }
        if (llm != null) {
            llm.close();
        }
    }

    @Test
    @Order(1)
    void createsAnAgentFromASentenceAndFollowsItUntilItRuns() {
        Launcher.Result created = langop.runWithInput(
                "",
                Duration.ofMinutes(4),
                "create",
                "agent",
                "concierge",
                INSTRUCTIONS,
                "--interactive",
                "-n",
                NAMESPACE,
                "--timeout",
                "3m");

        assertThat(created.exit()).as(created.all()).isZero();
        assertThat(created.out())
                .as(created.all())
                .startsWith("created LanguageAgent playground/concierge (interactive, model scripted)")
                .containsPattern("\\d\\d:\\d\\d:\\d\\d written +Synthesized=True \\(Synthesized\\)")
                .containsPattern("\\d\\d:\\d\\d:\\d\\d checking +Validated=True")
                .containsPattern("\\d\\d:\\d\\d:\\d\\d rolled out +CodeUpdated=True")
                .containsPattern("\\d\\d:\\d\\d:\\d\\d ready +Ready=True \\(WorkloadAvailable\\)")
                .contains("running: ")
                .endsWith("next: langop chat agent concierge -n playground\n");
        assertThat(String.join("\n", llm.messagesOf(0))).contains(INSTRUCTIONS);
    }

    @Test
    @Order(2)
    void listsTheAgentWithItsPhaseAndAsJsonForScripts() throws IOException {
        Launcher.Result table = langop.run("get", "agents", "-n", NAMESPACE);
        Launcher.Result json = langop.run("get", "agents", "-n", NAMESPACE, "-o", "json");
        Launcher.Result models = langop.run("get", "models", "-n", NAMESPACE);

        assertThat(table.exit()).as(table.all()).isZero();
        assertThat(table.out())
                .as(table.all())
                .containsPattern("NAME +MODE +PHASE +LAST RUN +SUCCESS +COST +AGE")
                .containsPattern("concierge +interactive +Running +\\S+");
        JsonNode list = new ObjectMapper().readTree(json.out());
        assertThat(list.path("kind").asText()).isEqualTo("List");
        assertThat(list.path("items").path(0).path("metadata").path("name").asText())
                .isEqualTo("concierge");
        assertThat(list.path("items").path(0).path("status").path("phase").asText())
                .isEqualTo("Running");
        assertThat(models.out()).containsPattern("scripted +openai-compatible +scripted-model");
    }

    @Test
    @Order(3)
    void describesWhichCodeRunsAndWhereItCameFrom() {
        Launcher.Result described = langop.run("describe", "agent", "concierge", "-n", NAMESPACE);

        assertThat(described.exit()).as(described.all()).isZero();
        assertThat(described.out())
                .as(described.all())
                .contains("Mode:          interactive")
                .contains("Phase:         Running")
                .containsPattern(
                        "Code: +synthesized [0-9a-f]{12} by gpt-4o-mini at \\S+ \\(1 LLM call\\(s\\), 900\\+300 tokens")
                .containsPattern("Pods: +concierge-agent-\\S+ \\(Running, code [0-9a-f]{12}\\)")
                .containsPattern("Synthesized +True +Synthesized")
                .contains("Events:");
    }

    @Test
    @Order(4)
    void showsTheSynthesizedCode() throws IOException {
        Launcher.Result code = langop.run("code", "agent", "concierge", "-n", NAMESPACE);

        assertThat(code.exit()).as(code.all()).isZero();
        assertThat(code.out()).isEqualTo(agentCode());
    }

    @Test
    @Order(5)
    void chatsWithTheAgentStreamingItsAnswersInUtf8() {
        Launcher.Result chat = langop.runWithInput(
                "Quoi de neuf dans 1.99 ?\nEt encore ?\n",
                Duration.ofMinutes(2),
                "chat",
                "agent",
                "concierge",
                "-n",
                NAMESPACE);

        assertThat(chat.exit()).as(chat.all()).isZero();
        assertThat(chat.out()).as(chat.all()).isEqualTo(ANSWER + "\n" + ANSWER + "\n");
        assertThat(chat.err()).startsWith("chatting with agent playground/concierge; Ctrl-D ends");
        assertThat(llm.requests())
                .as("the second message went with the first and its answer")
                .anySatisfy(request -> assertThat(request.toString())
                        .contains("Quoi de neuf dans 1.99 ?")
                        .contains("Et encore ?")
                        .contains("partout"));
    }

    @Test
    @Order(6)
    void printsTheAgentsLog() {
        Launcher.Result logs = langop.run("logs", "agent", "concierge", "-n", NAMESPACE);

        assertThat(logs.exit()).as(logs.all()).isZero();
        assertThat(logs.out()).as(logs.all()).isNotBlank();
    }

    @Test
    @Order(7)
    void saysWhatIsMissingWithAnExitCodeScriptsCanTellApart() {
        Launcher.Result missing = langop.run("describe", "agent", "nobody", "-n", NAMESPACE);
        Launcher.Result notScheduled = langop.run("run", "agent", "concierge", "-n", NAMESPACE);
        Launcher.Result unknownModel =
                langop.run("create", "agent", "other", "do things", "--model", "gpt-9", "-n", NAMESPACE);

        assertThat(missing.exit()).as(missing.all()).isEqualTo(3);
        assertThat(missing.err())
                .isEqualTo("langop describe agent: no LanguageAgent nobody in namespace playground; "
                        + "langop get agents -n playground lists them\n");
        assertThat(notScheduled.exit()).as(notScheduled.all()).isEqualTo(2);
        assertThat(notScheduled.err()).contains("agent concierge is interactive, not scheduled");
        assertThat(unknownModel.exit()).as(unknownModel.all()).isEqualTo(3);
        assertThat(unknownModel.err()).contains("no LanguageModel gpt-9 in namespace playground (it has scripted)");
    }

    @Test
    @Order(8)
    void editingTheCodeMakesItTheAgentsOwnAndKeepsTheInstructions() throws IOException {
        Launcher.Result edited = langop.run(
                "code",
                "agent",
                "concierge",
                "--edit",
                "--editor",
                "sed -i s/briefly/briefly,_with_a_link_to_the_changelog/",
                "-n",
                NAMESPACE);
        Launcher.Result code = langop.run("code", "agent", "concierge", "-n", NAMESPACE);
        JsonNode agent = new ObjectMapper()
                .readTree(langop.run("get", "agent", "concierge", "-n", NAMESPACE, "-o", "json")
                        .out());

        assertThat(edited.exit()).as(edited.all()).isZero();
        assertThat(edited.out())
                .startsWith("saved to ConfigMap playground/")
                .contains("agent concierge now runs it (spec.codeRef, instructions kept in annotation");
        assertThat(code.out()).isEqualTo(agentCode().replace("briefly", "briefly,_with_a_link_to_the_changelog"));
        assertThat(agent.path("spec").path("codeRef").path("name").asText()).isNotEmpty();
        assertThat(agent.path("spec").has("instructions")).isFalse();
        assertThat(agent.path("metadata").path("annotations").toString()).contains(INSTRUCTIONS);
    }

    @Test
    @Order(9)
    void runsAScheduledAgentNowAndFollowsItsLogUntilTheRunEnds() {
        Launcher.Result created = langop.runWithInput(
                "",
                Duration.ofMinutes(4),
                "create",
                "agent",
                "briefing",
                SCHEDULED_INSTRUCTIONS,
                "--schedule",
                "0 7 * * 1-5",
                "-n",
                NAMESPACE,
                "--timeout",
                "3m");
        assertThat(created.exit()).as(created.all()).isZero();

        Launcher.Result run = langop.run("run", "agent", "briefing", "-n", NAMESPACE);
        Launcher.Result followed = langop.run("logs", "agent", "briefing", "-n", NAMESPACE, "-f");

        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.out())
                .as(run.all())
                .matches("started Job playground/briefing\\S*-run-\\d{14}; langop logs agent briefing -n playground"
                        + " -f follows it\n");
        assertThat(followed.exit())
                .as("-f ends with the run: %s", followed.all())
                .isZero();
        assertThat(followed.out()).as(followed.all()).isNotBlank();
    }

    private static String agentCode() throws IOException {
        return resource("ConciergeAgent.java");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ClusterCliIT.class.getResourceAsStream("/cli/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
