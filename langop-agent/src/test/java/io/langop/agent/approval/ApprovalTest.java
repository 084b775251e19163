package io.langop.agent.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.agent.cli.LangopCommand;
import io.langop.agent.runtime.AgentRuntime;
import io.langop.agent.runtime.ExitStatus;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.config.AgentConfig;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.mcp.TestMcpServer;
import io.langop.sdk.mcp.TestMcpServer.TestTool;
import io.langop.server.ServiceServer;
import io.langop.wire.AgentApprovals;
import io.langop.wire.AgentEnv;
import io.langop.wire.ServiceWire;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Real agents (event-driven runs, interactive chats) whose spec requires approval of tool calls, with a scripted model
 * and a real MCP server: a call waits until it is approved over HTTP, a denied or undecided one never reaches the tool,
 * and the endpoints refuse anyone without the token.
 */
class ApprovalTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "approval-token-for-tests";
    private static final String SEND_ARGUMENTS = "{\"to\":\"oncall@example.com\",\"token\":\"hunter2\"}";

    @TempDir
    Path workspace;

    private ScriptedOpenAiServer llm;
    private TestMcpServer mcp;
    private final List<AutoCloseable> started = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        llm = new ScriptedOpenAiServer();
        mcp = TestMcpServer.start(
                TestTool.of("send_email", "to", args -> "sent to " + args.get("to")),
                TestTool.of("web_status", "url", args -> "200 OK").asReadOnly());
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : started.reversed()) {
            closeable.close();
        }
        mcp.close();
        llm.close();
    }

    @Test
    void aRunsToolCallWaitsUntilItIsApprovedOverHttpAndThenCompletes() throws Exception {
        llm.thenToolCall("send_email", SEND_ARGUMENTS).thenText("Sent. OBJECTIVES COMPLETE");
        ServiceServer server = eventDriven(alerting(), "{\"tools\":[\"send_email\"],\"timeoutSeconds\":30}", TOKEN);

        assertThat(postWebhook(server).statusCode()).isEqualTo(202);

        JsonNode pending = awaitApproval(server, "pending");
        assertThat(pending.path("tool").asText()).isEqualTo("send_email");
        assertThat(pending.path("arguments").path("to").asText()).isEqualTo("oncall@example.com");
        assertThat(pending.path("arguments").path("token").asText()).isEqualTo("<redacted>");
        assertThat(pending.path("requestedBy").asText()).startsWith("run ");
        assertThat(pending.path("deadline").asText()).isNotBlank();
        Thread.sleep(300); // the run keeps waiting: nothing reaches the tool before the decision
        assertThat(mcp.calls()).isEmpty();
        assertThat(metrics(server)).contains("langop_agent_approvals_pending 1.0");

        HttpResponse<String> approved = decide(server, pending.path("id").asText(), "approve", TOKEN, "alice", null);

        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(approved.body()).path("state").asText()).isEqualTo("approved");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(metrics(server)).contains("outcome=\"succeeded\"} 1.0"));
        assertThat(mcp.calls()).containsExactly("send_email {to=oncall@example.com, token=hunter2}");
        assertThat(approvals(server).path(0).path("decidedBy").asText()).isEqualTo("alice");
        assertThat(metrics(server)).contains("langop_agent_approvals_pending 0.0");
    }

    @Test
    void aScheduledRunOpensItsPortForTheDecisionAndEndsWhenApproved() throws Exception {
        llm.thenToolCall("send_email", SEND_ARGUMENTS).thenText("Sent. OBJECTIVES COMPLETE");
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> env = new HashMap<>(environment("{\"tools\":[\"send_email\"]}", TOKEN));
        env.put(AgentEnv.AGENT_MODE, "scheduled");
        env.put(ServiceWire.PORT_ENV, Integer.toString(port));
        AgentRuntime runtime = AgentRuntime.connect(AgentConfig.from(env), ApprovalTest::alerting);
        started.add(runtime);
        // on a thread of its own, as in the pod (the common pool's one thread on a small machine is the MCP client's)
        var exit = new java.util.concurrent.FutureTask<>(runtime::run);
        Thread.ofPlatform().name("scheduled-run").start(exit);
        URI agent = URI.create("http://127.0.0.1:" + port);

        JsonNode pending = await().atMost(Duration.ofSeconds(20))
                .ignoreExceptions()
                .until(
                        () -> list(agent).path(0),
                        approval -> approval.path("state").asText().equals("pending"));
        HttpResponse<String> approved = send(
                agent, "POST", AgentApprovals.PATH + "/" + pending.path("id").asText() + "/approve", TOKEN, "{}");

        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(exit.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(ExitStatus.SUCCESS);
        assertThat(mcp.calls()).containsExactly("send_email {to=oncall@example.com, token=hunter2}");
    }

    @Test
    void aDeniedWorkflowCallStopsTheRunWithoutReachingTheTool() throws Exception {
        var agent = AgentDefinition.builder("pager")
                .mode(ExecutionMode.EVENT_DRIVEN)
                .objective("Page the on-call engineer")
                .workflow(w -> w.step("page", s -> s.tool("send_email").param("to", "{event.who}")))
                .build();
        ServiceServer server = eventDriven(agent, "{\"tools\":[\"send_email\"]}", TOKEN);

        assertThat(postWebhook(server).statusCode()).isEqualTo(202);
        String id = awaitApproval(server, "pending").path("id").asText();
        HttpResponse<String> denied = decide(server, id, "deny", TOKEN, "bob", "not during the freeze");

        assertThat(denied.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(metrics(server)).contains("outcome=\"constraint_approval\"} 1.0"));
        assertThat(mcp.calls()).isEmpty();
        JsonNode decided = approvals(server).path(0);
        assertThat(decided.path("state").asText()).isEqualTo("denied");
        assertThat(decided.path("reason").asText()).isEqualTo("not during the freeze");
        assertThat(decide(server, id, "approve", TOKEN, "alice", null).statusCode())
                .as("a decided approval cannot be decided again")
                .isEqualTo(409);
    }

    @Test
    void aCallNobodyDecidesOnStopsTheRunAtItsDeadline() throws Exception {
        llm.thenToolCall("send_email", SEND_ARGUMENTS).thenText("Sent. OBJECTIVES COMPLETE");
        ServiceServer server = eventDriven(alerting(), "{\"tools\":[\"send_email\"],\"timeoutSeconds\":1}", TOKEN);

        assertThat(postWebhook(server).statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(metrics(server)).contains("outcome=\"constraint_approval\"} 1.0"));
        assertThat(approvals(server).path(0).path("state").asText()).isEqualTo("expired");
        assertThat(mcp.calls()).isEmpty();
        assertThat(llm.requests()).hasSize(1);
    }

    @Test
    void theEndpointsRefuseRequestsWithoutTheToken() throws Exception {
        llm.thenToolCall("send_email", SEND_ARGUMENTS).thenText("Sent. OBJECTIVES COMPLETE");
        ServiceServer server = eventDriven(alerting(), "{\"tools\":[\"send_email\"],\"timeoutSeconds\":30}", TOKEN);
        assertThat(postWebhook(server).statusCode()).isEqualTo(202);
        String id = awaitApproval(server, "pending").path("id").asText();

        assertThat(decide(server, id, "approve", null, "mallory", null).statusCode())
                .isEqualTo(401);
        assertThat(decide(server, id, "approve", "approval-token-guessed", "mallory", null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(send(server, "GET", AgentApprovals.PATH, null, null).statusCode())
                .isEqualTo(401);

        assertThat(approvals(server).path(0).path("state").asText()).isEqualTo("pending");
        assertThat(mcp.calls()).isEmpty();
        decide(server, id, "deny", TOKEN, "alice", "end of test"); // so that closing the agent need not wait for it
        ServiceServer tokenless = eventDriven(alerting(), "{\"tools\":[\"send_email\"]}", null);
        assertThat(send(tokenless, "GET", AgentApprovals.PATH, TOKEN, null).statusCode())
                .as("without a configured token nobody can decide")
                .isEqualTo(403);
    }

    @Test
    void aChatAnswersThatItWaitsAndTheApprovedCallRunsWhenTheModelAsksAgain() throws Exception {
        llm.thenToolCall("send_email", SEND_ARGUMENTS)
                .thenToolCall("send_email", SEND_ARGUMENTS)
                .thenText("I sent the e-mail.");
        ServiceServer server = interactive("{\"tools\":[\"send_email\"]}");

        HttpResponse<String> waiting = chat(server, "E-mail on-call", false);

        assertThat(waiting.statusCode()).isEqualTo(200);
        JsonNode completion = JSON.readTree(waiting.body());
        assertThat(completion.path("object").asText()).isEqualTo("chat.completion");
        assertThat(completion.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        String answer = completion.at("/choices/0/message/content").asText();
        JsonNode pending = approvals(server).path(0);
        assertThat(answer)
                .startsWith("Waiting for approval: the call of send_email")
                .contains("approval " + pending.path("id").asText())
                .contains("<redacted>")
                .doesNotContain("hunter2");
        assertThat(completion.path(AgentApprovals.CHAT_FIELD)).isEqualTo(pending);
        assertThat(mcp.calls()).isEmpty();

        decide(server, pending.path("id").asText(), "approve", TOKEN, "alice", null);
        HttpResponse<String> done = chat(server, "Approved, go on", false);

        assertThat(JSON.readTree(done.body()).at("/choices/0/message/content").asText())
                .isEqualTo("I sent the e-mail.");
        assertThat(mcp.calls()).containsExactly("send_email {to=oncall@example.com, token=hunter2}");
    }

    @Test
    void aStreamedChatSaysItWaitsInAChunkAndEndsAsEveryStreamDoes() throws Exception {
        llm.thenToolCall("send_email", SEND_ARGUMENTS);
        ServiceServer server = interactive("{\"tools\":[\"send_email\"]}");

        HttpResponse<String> stream = chat(server, "E-mail on-call", true);

        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        StringBuilder content = new StringBuilder();
        List<String> finishReasons = new ArrayList<>();
        List<JsonNode> approvals = new ArrayList<>();
        for (String line : stream.body().lines().toList()) {
            if (line.startsWith("data: {")) {
                JsonNode chunk = JSON.readTree(line.substring(6));
                JsonNode choice = chunk.at("/choices/0");
                content.append(choice.at("/delta/content").asText(""));
                if (!choice.path("finish_reason").isNull()) {
                    finishReasons.add(choice.path("finish_reason").asText());
                    approvals.add(chunk.path(AgentApprovals.CHAT_FIELD));
                }
            }
        }
        assertThat(content.toString()).startsWith("Waiting for approval: the call of send_email");
        assertThat(finishReasons).containsExactly("stop");
        assertThat(approvals).containsExactly(approvals(server).path(0));
        assertThat(approvals.getFirst().path("state").asText()).isEqualTo("pending");
        assertThat(approvals.getFirst().toString()).doesNotContain("hunter2");
        assertThat(stream.body()).endsWith("data: [DONE]\n\n");
    }

    @Test
    void withSideEffectsOnlyToolsThatDoNotDeclareThemselvesReadOnlyWait() throws Exception {
        llm.thenToolCall("web_status", "{\"url\":\"https://example.com\"}").thenToolCall("send_email", SEND_ARGUMENTS);
        ServiceServer server = interactive("{\"sideEffects\":true}");

        String answer = JSON.readTree(chat(server, "Check and alert", false).body())
                .at("/choices/0/message/content")
                .asText();

        assertThat(mcp.calls()).containsExactly("web_status {url=https://example.com}");
        assertThat(answer).startsWith("Waiting for approval: the call of send_email");
    }

    @Test
    void theLangopCommandListsTheWaitingCallAndApprovesIt() throws Exception {
        llm.thenToolCall("send_email", SEND_ARGUMENTS).thenText("Sent. OBJECTIVES COMPLETE");
        ServiceServer server = eventDriven(alerting(), "{\"tools\":[\"send_email\"],\"timeoutSeconds\":30}", TOKEN);
        assertThat(postWebhook(server).statusCode()).isEqualTo(202);
        String id = awaitApproval(server, "pending").path("id").asText();
        Path tokenFile = Files.writeString(workspace.resolve("token"), TOKEN + "\n");
        String agentUrl = "http://127.0.0.1:" + server.port();

        StringWriter listed = new StringWriter();
        int listStatus =
                langop(listed, "approval", "list", "--agent-url", agentUrl, "--token-file", tokenFile.toString());
        StringWriter withoutToken = new StringWriter();
        int refused = langop(withoutToken, "approval", "approve", id, "--agent-url", agentUrl);
        StringWriter approved = new StringWriter();
        int approveStatus = langop(
                approved,
                "approval",
                "approve",
                id,
                "--agent-url",
                agentUrl,
                "--token-file",
                tokenFile.toString(),
                "--by",
                "carol");

        assertThat(listStatus).isZero();
        assertThat(listed.toString())
                .contains(id + " ", "pending", "send_email", "\"to\":\"oncall@example.com\"")
                .doesNotContain("hunter2");
        assertThat(refused).isEqualTo(2);
        assertThat(approveStatus).isZero();
        assertThat(approved.toString()).isEqualTo("Approval " + id + " approved: call of send_email\n");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(metrics(server)).contains("outcome=\"succeeded\"} 1.0"));
        assertThat(approvals(server).path(0).path("decidedBy").asText()).isEqualTo("carol");
    }

    /** Runs {@code langop} with {@code out} as its output and error stream. */
    private static int langop(StringWriter out, String... args) {
        CommandLine commandLine = LangopCommand.commandLine(Map.of());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        return commandLine.execute(args);
    }

    private static AgentDefinition alerting() {
        return AgentDefinition.builder("alerter")
                .mode(ExecutionMode.EVENT_DRIVEN)
                .objective("E-mail on-call about the event")
                .build();
    }

    private ServiceServer eventDriven(AgentDefinition agent, String approval, String token) throws Exception {
        return serve(agent, approval, token);
    }

    private ServiceServer interactive(String approval) throws Exception {
        var agent = AgentDefinition.builder("helper")
                .mode(ExecutionMode.INTERACTIVE)
                .objective("Help the on-call engineer")
                .build();
        return serve(agent, approval, TOKEN);
    }

    private ServiceServer serve(AgentDefinition agent, String approval, String token) throws Exception {
        AgentRuntime runtime = AgentRuntime.connect(AgentConfig.from(environment(approval, token)), () -> agent);
        started.add(runtime);
        ServiceServer server = runtime.serve();
        started.add(server);
        return server;
    }

    private Map<String, String> environment(String approval, String token) {
        Map<String, String> env = new HashMap<>(Map.of(
                AgentEnv.MODEL_ENDPOINTS,
                llm.rootUrl(),
                AgentEnv.MCP_SERVERS,
                mcp.url().toString(),
                ServiceWire.PORT_ENV,
                "0",
                AgentEnv.WORKSPACE_PATH,
                workspace.toString(),
                AgentEnv.AGENT_LIMITS,
                "{\"approval\":" + approval + "}"));
        if (token != null) {
            env.put(AgentEnv.AGENT_APPROVAL_TOKEN, token);
        }
        return env;
    }

    private JsonNode awaitApproval(ServiceServer server, String state) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> approvals(server).path(0),
                        approval -> approval.path("state").asText().equals(state));
    }

    private static JsonNode approvals(ServiceServer server) throws Exception {
        return list(URI.create("http://127.0.0.1:" + server.port()));
    }

    private static JsonNode list(URI agent) throws Exception {
        HttpResponse<String> response = send(agent, "GET", AgentApprovals.PATH, TOKEN, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).path("approvals");
    }

    private static HttpResponse<String> decide(
            ServiceServer server, String id, String decision, String token, String by, String reason) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("by", by);
        if (reason != null) {
            body.put("reason", reason);
        }
        return send(server, "POST", AgentApprovals.PATH + "/" + id + "/" + decision, token, body.toString());
    }

    private static HttpResponse<String> postWebhook(ServiceServer server) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.uri().resolve("/webhook"))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"who\":\"oncall@example.com\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> chat(ServiceServer server, String text, boolean stream) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("model", "helper").put("stream", stream);
        body.putArray("messages").addObject().put("role", "user").put("content", text);
        return send(server, "POST", "/v1/chat/completions", null, body.toString());
    }

    private static String metrics(ServiceServer server) throws Exception {
        return send(server, "GET", ServiceWire.METRICS_PATH, null, null).body();
    }

    private static HttpResponse<String> send(
            ServiceServer server, String method, String path, String token, String body) throws Exception {
        return send(URI.create("http://127.0.0.1:" + server.port()), method, path, token, body);
    }

    private static HttpResponse<String> send(URI agent, String method, String path, String token, String body)
            throws Exception {
        var request = HttpRequest.newBuilder(agent.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
