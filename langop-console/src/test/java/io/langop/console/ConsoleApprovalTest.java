package io.langop.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langop.console.testing.ConsoleHttp;
import io.langop.console.testing.TestAgent;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.mcp.TestMcpServer;
import io.langop.sdk.mcp.TestMcpServer.TestTool;
import io.langop.wire.ToolCallEvents;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A tool call that waits for a person, through the console: a real agent runtime whose {@code send_email} calls need
 * approval (scripted LLM, a real MCP tool server), and a console that holds the agent's approval token. The page's
 * chat relays the pending call; a signed-in user approves or denies it through the console, and the chat goes on.
 */
class ConsoleApprovalTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "approval-token-of-helpdesk";
    private static final String ARGUMENTS = "{\"to\":\"oncall@example.com\",\"token\":\"hunter2\"}";
    private static final String SETTINGS = """
            {"name":"support","namespace":"apps",
             "agents":[{"name":"helpdesk","url":"%s","mode":"chat","approvalTokenEnv":"AGENT_HELPDESK_APPROVAL_TOKEN"},
                       {"name":"tokenless","url":"%s","mode":"chat"}],
             "session":{"cookieConfig":{"secure":false}},
             "authentication":{"enabled":true,"requireAuthentication":false,"allowAnonymous":true,
               "providers":[{"name":"keys","type":"api-key","secretEnv":"AUTH_KEYS_SECRET"}]}}
            """;
    static final Map<String, String> VARIABLES =
            Map.of("AUTH_KEYS_SECRET", "alice:sk-alice\n", "AGENT_HELPDESK_APPROVAL_TOKEN", TOKEN);

    /** A tool whose calls need no approval. */
    private static final String FREE_TOOL = "who_is_on_call";

    private ScriptedOpenAiServer llm;
    private TestMcpServer mcp;
    private TestAgent agent;
    private Console console;
    private ConsoleHttp alice;

    @BeforeEach
    void start() throws Exception {
        llm = new ScriptedOpenAiServer();
        mcp = TestMcpServer.start(
                TestTool.of(TestAgent.APPROVED_TOOL, "to", args -> "sent to " + args.get("to")),
                TestTool.of(FREE_TOOL, "team", args -> "Dana"));
        agent = TestAgent.startWithApproval("helpdesk", llm, mcp.url(), TOKEN);
        console = Console.start(
                ConsoleConfigFile.parse(SETTINGS.formatted(agent.url(), agent.url())),
                VARIABLES::get,
                0,
                null,
                null,
                Clock.systemUTC());
        alice = new ConsoleHttp(console.uri());
        assertThat(alice.postForm("/auth/key", "key", "sk-alice").statusCode()).isEqualTo(302);
    }

    @AfterEach
    void stop() throws Exception {
        console.close();
        agent.close();
        mcp.close();
        llm.close();
    }

    @Test
    void thePendingToolCallIsRelayedAndApprovingItThroughTheConsoleLetsTheChatGoOn() throws Exception {
        llm.thenToolCall("send_email", ARGUMENTS)
                .thenToolCall("send_email", ARGUMENTS)
                .thenText("I sent the e-mail.");

        HttpResponse<String> waiting = chat(alice, "helpdesk", "E-mail on-call");
        JsonNode event = approvalEvent(waiting.body());
        String id = event.path("approval").path("id").asText();

        assertThat(event.path("target").asText()).isEqualTo("helpdesk");
        assertThat(event.path("mayDecide").asBoolean()).isTrue();
        assertThat(event.path("approval").path("tool").asText()).isEqualTo("send_email");
        assertThat(event.path("approval").path("state").asText()).isEqualTo("pending");
        assertThat(event.path("approval").path("arguments").path("to").asText()).isEqualTo("oncall@example.com");
        assertThat(waiting.body()).doesNotContain("hunter2", TOKEN);
        assertThat(mcp.calls()).isEmpty();

        HttpResponse<String> approved = alice.postJson("/api/approvals/helpdesk/" + id + "/approve", "");
        HttpResponse<String> done = chat(alice, "helpdesk", "I approved it; go on.");

        assertThat(approved.statusCode()).isEqualTo(200);
        JsonNode decided = JSON.readTree(approved.body());
        assertThat(decided.path("state").asText()).isEqualTo("approved");
        assertThat(decided.path("decidedBy").asText()).isEqualTo("keys:alice"); // the user's id: provider and name
        assertThat(approved.body()).doesNotContain(TOKEN);
        assertThat(answer(done.body())).isEqualTo("I sent the e-mail.");
        assertThat(done.body()).doesNotContain("event: approval");
        assertThat(mcp.calls()).containsExactly("send_email {to=oncall@example.com, token=hunter2}");
    }

    @Test
    void aDeniedCallNeverRunsAndCannotBeDecidedTwice() throws Exception {
        llm.thenToolCall("send_email", ARGUMENTS)
                .thenToolCall("send_email", ARGUMENTS)
                .thenText("I did not send it.");
        String id = approvalEvent(chat(alice, "helpdesk", "E-mail on-call").body())
                .path("approval")
                .path("id")
                .asText();

        HttpResponse<String> denied = alice.postJson("/api/approvals/helpdesk/" + id + "/deny", "");
        HttpResponse<String> again = alice.postJson("/api/approvals/helpdesk/" + id + "/approve", "");
        HttpResponse<String> after = chat(alice, "helpdesk", "I denied it.");

        assertThat(JSON.readTree(denied.body()).path("state").asText()).isEqualTo("denied");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).path("error").path("code").asText())
                .isEqualTo("already_decided");
        assertThat(answer(after.body())).isEqualTo("I did not send it.");
        assertThat(llm.messagesOf(2)).anySatisfy(message -> assertThat(message).contains("denied this call"));
        assertThat(mcp.calls()).isEmpty();
        // the call the model asked for again shows where it would have run, as denied, and is kept with the answer
        assertThat(after.body()).contains("\"" + ToolCallEvents.STATE + "\":\"" + ToolCallEvents.DENIED + "\"");
        assertThat(pageState(alice).at("/turns/3/toolCalls")).singleElement().satisfies(kept -> {
            assertThat(kept.path(ToolCallEvents.TOOL).asText()).isEqualTo("send_email");
            assertThat(kept.path(ToolCallEvents.STATE).asText()).isEqualTo(ToolCallEvents.DENIED);
            assertThat(kept.has(ToolCallEvents.DURATION_MS)).isFalse();
            assertThat(kept.path(ToolCallEvents.ARGUMENTS).asText()).doesNotContain("hunter2");
        });
    }

    @Test
    void guestsAgentsWhoseTokenTheConsoleLacksAndOtherOriginsGetNoDecision() throws Exception {
        llm.thenToolCall("send_email", ARGUMENTS);
        ConsoleHttp guest = new ConsoleHttp(console.uri());
        assertThat(guest.get("/").statusCode()).isEqualTo(200); // the anonymous session

        JsonNode forGuest =
                approvalEvent(chat(guest, "helpdesk", "E-mail on-call").body());
        String id = forGuest.path("approval").path("id").asText();
        HttpResponse<String> guestDecides = guest.postJson("/api/approvals/helpdesk/" + id + "/approve", "");
        // the same agent under a name whose token the console lacks
        HttpResponse<String> tokenless = alice.postJson("/api/approvals/tokenless/" + id + "/approve", "");
        HttpResponse<String> unknown = alice.postJson("/api/approvals/helpdesk/no-such-approval/approve", "");
        HttpResponse<String> crossSite =
                alice.postJson("/api/approvals/helpdesk/" + id + "/approve", "", "https://evil.example");
        HttpResponse<String> aliceDecides = alice.postJson("/api/approvals/helpdesk/" + id + "/deny", "");

        assertThat(forGuest.path("mayDecide").asBoolean()).isFalse();
        assertThat(guestDecides.statusCode()).isEqualTo(403);
        assertThat(tokenless.statusCode()).isEqualTo(403);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(aliceDecides.body()).path("state").asText())
                .as("the refused attempts left it pending for alice to decide")
                .isEqualTo("denied");
        assertThat(mcp.calls()).isEmpty();
    }

    @Test
    void aPageLoadedAgainShowsTheApprovalItsAnswerWaitsForAsItIsNow() throws Exception {
        llm.thenToolCall("send_email", ARGUMENTS);
        String id = approvalEvent(chat(alice, "helpdesk", "E-mail on-call").body())
                .path("approval")
                .path("id")
                .asText();

        JsonNode waiting = pageState(alice).at("/turns/1/approval");
        alice.postJson("/api/approvals/helpdesk/" + id + "/approve", "");
        JsonNode decided = pageState(alice).at("/turns/1/approval");

        assertThat(waiting.path("target").asText()).isEqualTo("helpdesk");
        assertThat(waiting.path("mayDecide").asBoolean()).isTrue();
        assertThat(waiting.at("/approval/id").asText()).isEqualTo(id);
        assertThat(waiting.at("/approval/state").asText()).isEqualTo("pending");
        assertThat(waiting.at("/approval/arguments/token").asText()).isEqualTo("<redacted>");
        assertThat(decided.at("/approval/state").asText()).isEqualTo("approved");
        assertThat(decided.at("/approval/decidedBy").asText()).isEqualTo("keys:alice");
    }

    @Test
    void theToolCallsOfAnAnswerAreKeptForThePageUnlessShowToolUsageIsOff() throws Exception {
        String call = "{\"team\":\"database\"}";
        llm.thenToolCall(FREE_TOOL, call)
                .thenText("Dana.")
                .thenToolCall(FREE_TOOL, call)
                .thenText("Dana.");
        HttpResponse<String> events = chat(alice, "helpdesk", "Who is on call?");
        JsonNode shown = pageState(alice);
        JsonNode hidden;
        try (Console quiet = Console.start(
                ConsoleConfigFile.parse(
                        SETTINGS.replace("\"session\":", "\"ui\":{\"features\":{\"showToolUsage\":false}},\"session\":")
                                .formatted(agent.url(), agent.url())),
                VARIABLES::get,
                0,
                null,
                null,
                Clock.systemUTC())) {
            ConsoleHttp aliceThere = new ConsoleHttp(quiet.uri());
            aliceThere.postForm("/auth/key", "key", "sk-alice");
            chat(aliceThere, "helpdesk", "Who is on call?");
            hidden = pageState(aliceThere);
        }

        assertThat(events.body()).contains("\"" + ToolCallEvents.CHUNK_FIELD + "\":{");
        assertThat(shown.path("toolCallField").asText()).isEqualTo(ToolCallEvents.CHUNK_FIELD);
        assertThat(shown.at("/turns/1/toolCalls")).singleElement().satisfies(kept -> {
            assertThat(kept.path(ToolCallEvents.TOOL).asText()).isEqualTo(FREE_TOOL);
            assertThat(kept.path(ToolCallEvents.STATE).asText()).isEqualTo(ToolCallEvents.OK);
            assertThat(kept.path(ToolCallEvents.ARGUMENTS).asText()).isEqualTo(call);
        });
        assertThat(hidden.has("toolCallField")).isFalse();
        assertThat(hidden.at("/turns/1").has("toolCalls")).isFalse();
        assertThat(hidden.at("/turns/1/content").asText()).isEqualTo("Dana.");
    }

    /** The state the chat page starts from: its conversation's turns, as {@code console.js} reads them. */
    private static JsonNode pageState(ConsoleHttp browser) throws Exception {
        String page = browser.get("/").body();
        int start = page.indexOf('>', page.indexOf("id=\"console-state\"")) + 1;
        return JSON.readTree(page.substring(start, page.indexOf("</script>", start)));
    }

    private static HttpResponse<String> chat(ConsoleHttp browser, String target, String message) throws Exception {
        HttpResponse<String> events = browser.postJson(
                "/api/chat",
                JSON.createObjectNode()
                        .put("conversation", "c-" + target)
                        .put("target", target)
                        .put("message", message)
                        .toString());
        assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
        assertThat(events.body()).endsWith("data: [DONE]\n\n");
        return events;
    }

    /** The text of a chat's answer, from its chunks. */
    private static String answer(String events) throws Exception {
        StringBuilder text = new StringBuilder();
        for (String line : events.lines().toList()) {
            if (line.startsWith("data: {")) {
                text.append(JSON.readTree(line.substring(6))
                        .at("/choices/0/delta/content")
                        .asText(""));
            }
        }
        return text.toString();
    }

    /** The console's {@code approval} event of a chat's server-sent events. */
    private static JsonNode approvalEvent(String events) throws Exception {
        for (String block : events.split("\n\n", -1)) {
            if (block.startsWith("event: approval\n")) {
                return JSON.readTree(block.substring(block.indexOf("data: ") + 6));
            }
        }
        throw new AssertionError("no approval event in " + events);
    }
}
