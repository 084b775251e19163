package io.langop.sdk.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.langop.wire.ServiceWire;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat completions server on a real socket that plays back a script (text
 * answers, tool calls, HTTP errors, streamed chunks) and records every request it received.
 * When the script runs out it answers 500 with an OpenAI error body, so a test that makes one request
 * too many fails loudly.
 */
public final class ScriptedOpenAiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern AFTER_SPACE = java.util.regex.Pattern.compile("(?<= )");

    /** One scripted reply. */
    public sealed interface Reply {}

    public record Text(String content, int promptTokens, int completionTokens) implements Reply {}

    public record ToolCalls(List<Call> calls, int promptTokens, int completionTokens) implements Reply {}

    public record Call(String name, String argumentsJson) {}

    public record ErrorReply(int status, String type, String message) implements Reply {}

    private final HttpServer server;
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> traceparents = new CopyOnWriteArrayList<>();
    private final List<JsonNode> runReports = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile Reply fallback;
    private volatile java.time.Duration delay = java.time.Duration.ZERO;
    /** Open (count 0) unless a test holds the replies back ({@link #holdReplies}). */
    private volatile CountDownLatch held = new CountDownLatch(0);

    private volatile java.time.Duration chunkPause = java.time.Duration.ZERO;
    private volatile int pieces = 0; // 0: a streamed answer word by word, a whole answer at once
    private final java.util.concurrent.atomic.AtomicLong answeringNanos = new java.util.concurrent.atomic.AtomicLong();

    public ScriptedOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", this::chatCompletions);
        // standing for an agent's model proxy, the server takes the runs the agent reports there too
        server.createContext(ServiceWire.PROXY_RUNS_PATH, this::runReport);
        server.start();
    }

    /** The API root to configure clients with, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The server root without {@code /v1}, as the operator passes it in {@code MODEL_ENDPOINTS}. */
    public String rootUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public ScriptedOpenAiServer thenText(String content) {
        return then(new Text(content, 10, 5));
    }

    public ScriptedOpenAiServer thenText(String content, int promptTokens, int completionTokens) {
        return then(new Text(content, promptTokens, completionTokens));
    }

    public ScriptedOpenAiServer thenToolCall(String name, String argumentsJson) {
        return then(new ToolCalls(List.of(new Call(name, argumentsJson)), 10, 5));
    }

    public ScriptedOpenAiServer thenError(int status, String message) {
        return then(new ErrorReply(status, status == 429 ? "rate_limit_error" : "server_error", message));
    }

    public ScriptedOpenAiServer then(Reply reply) {
        script.add(reply);
        return this;
    }

    private record Rule(String text, Reply reply) {}

    /**
     * Answers {@code reply} to every request whose messages contain {@code text}, before the script: for tests
     * where several clients share the server (the operator writing an agent, the agent's own model calls) and the
     * order of their requests is not theirs to fix. The first rule that matches answers.
     */
    public ScriptedOpenAiServer when(String text, Reply reply) {
        rules.add(new Rule(text, reply));
        return this;
    }

    /** What to answer once the script is used up (instead of failing). */
    public ScriptedOpenAiServer otherwise(Reply reply) {
        this.fallback = reply;
        return this;
    }

    /** Makes every later reply wait {@code delay} before it is sent, as a slow model does. */
    public ScriptedOpenAiServer delayReplies(java.time.Duration delay) {
        this.delay = delay;
        return this;
    }

    /**
     * Holds every later reply back until {@link #releaseReplies} (or one minute, or {@link #close}): a model that
     * has not answered yet, for as long as a test needs to look at what happens meanwhile, without a fixed delay.
     */
    public ScriptedOpenAiServer holdReplies() {
        held = new CountDownLatch(1);
        return this;
    }

    /** Sends the replies {@link #holdReplies} held back, and every later one at once. */
    public ScriptedOpenAiServer releaseReplies() {
        held.countDown();
        return this;
    }

    /**
     * Makes a streamed text answer wait {@code pause} between its chunks, as a model writing token by token does,
     * so that what a client shows while the answer arrives can be watched.
     */
    public ScriptedOpenAiServer pauseBetweenChunks(java.time.Duration pause) {
        this.chunkPause = pause;
        return this;
    }

    /**
     * Makes every later answer arrive as a model writes it: in {@code count} pieces with {@code pause} between them
     * (a streamed answer as that many chunks, a whole answer as its body written in that many parts), so that a
     * client's own time can be told from the model's ({@link #answeringTime}).
     */
    public ScriptedOpenAiServer paceReplies(int count, java.time.Duration pause) {
        if (count < 1) {
            throw new IllegalArgumentException("an answer has at least one piece, got " + count);
        }
        this.pieces = count;
        this.chunkPause = pause;
        return this;
    }

    /** How long the server spent answering so far, from reading each request to writing its last byte. */
    public java.time.Duration answeringTime() {
        return java.time.Duration.ofNanos(answeringNanos.get());
    }

    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** The bodies of the run reports an agent sent ({@code POST /runs}, as to its model proxy), in order. */
    public List<JsonNode> runReports() {
        return List.copyOf(runReports);
    }

    private void runReport(HttpExchange exchange) throws IOException {
        try (exchange) {
            runReports.add(JSON.readTree(exchange.getRequestBody()));
            exchange.sendResponseHeaders(202, -1);
        }
    }

    /** The W3C {@code traceparent} header of each request, in order; empty for a request that carried none. */
    public List<String> traceparents() {
        return List.copyOf(traceparents);
    }

    /** The first message of each request so far, role-prefixed: the prompts, when each request starts a conversation. */
    public List<String> firstMessages() {
        return java.util.stream.IntStream.range(0, requests().size())
                .mapToObj(i -> messagesOf(i).getFirst())
                .toList();
    }

    /** The text of every message of request {@code index}, role-prefixed, e.g. {@code "user: hi"}. */
    public List<String> messagesOf(int index) {
        return requests.get(index)
                .path("messages")
                .valueStream()
                .map(message -> message.path("role").asText() + ": "
                        + message.path("content").asText())
                .toList();
    }

    private void chatCompletions(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        try {
            answer(exchange);
        } finally {
            answeringNanos.addAndGet(System.nanoTime() - started);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
            traceparents.add(traceparent == null ? "" : traceparent);
            requests.add(request);
            String messages = String.join("\n", request.path("messages").findValuesAsText("content"));
            Reply reply = rules.stream()
                    .filter(rule -> messages.contains(rule.text()))
                    .map(Rule::reply)
                    .findFirst()
                    .orElseGet(script::poll);
            if (reply == null) {
                reply = fallback != null
                        ? fallback
                        : new ErrorReply(500, "server_error", "scripted server: script exhausted");
            }
            String model = request.path("model").asText("scripted");
            if (!delay.isZero() && !pause(delay)) {
                return;
            }
            if (!awaitRelease()) {
                return;
            }
            switch (reply) {
                case ErrorReply error ->
                    send(
                            exchange,
                            error.status(),
                            "application/json",
                            JSON.writeValueAsString(JSON.createObjectNode()
                                    .set(
                                            "error",
                                            JSON.createObjectNode()
                                                    .put("message", error.message())
                                                    .put("type", error.type())
                                                    .putNull("param")
                                                    .putNull("code"))));
                case Text text when request.path("stream").asBoolean() -> stream(exchange, model, text);
                case Text text ->
                    send(
                            exchange,
                            200,
                            "application/json",
                            completion(
                                    model,
                                    message(text.content(), null),
                                    "stop",
                                    text.promptTokens(),
                                    text.completionTokens()));
                case ToolCalls toolCalls
                when request.path("stream").asBoolean() -> streamToolCalls(exchange, model, toolCalls);
                case ToolCalls toolCalls ->
                    send(
                            exchange,
                            200,
                            "application/json",
                            completion(
                                    model,
                                    message(null, toolCalls.calls()),
                                    "tool_calls",
                                    toolCalls.promptTokens(),
                                    toolCalls.completionTokens()));
            }
        }
    }

    private ObjectNode message(String content, List<Call> calls) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant");
        if (content != null) {
            message.put("content", content);
        } else {
            message.putNull("content");
            ArrayNode toolCalls = message.putArray("tool_calls");
            for (Call call : calls) {
                toolCalls
                        .addObject()
                        .put("id", "call_" + ids.incrementAndGet())
                        .put("type", "function")
                        .putObject("function")
                        .put("name", call.name())
                        .put("arguments", call.argumentsJson());
            }
        }
        return message;
    }

    private String completion(
            String model, ObjectNode message, String finishReason, int promptTokens, int completionTokens) {
        ObjectNode body = JSON.createObjectNode()
                .put("id", "chatcmpl-" + ids.incrementAndGet())
                .put("object", "chat.completion")
                .put("created", System.currentTimeMillis() / 1000)
                .put("model", model);
        body.putArray("choices")
                .addObject()
                .put("index", 0)
                .put("finish_reason", finishReason)
                .set("message", message);
        body.putObject("usage")
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return body.toString();
    }

    /** Waits while replies are held; false when interrupted (the server is closing). */
    private boolean awaitRelease() {
        try {
            held.await(1, TimeUnit.MINUTES);
            return true;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sleeps; false when interrupted (the server is closing). */
    private static boolean pause(java.time.Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void stream(HttpExchange exchange, String model, Text text) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        String id = "chatcmpl-" + ids.incrementAndGet();
        boolean first = true;
        for (String piece : chunks(text.content())) {
            if (!first && !chunkPause.isZero()) {
                pause(chunkPause);
            }
            first = false;
            ObjectNode chunk = JSON.createObjectNode()
                    .put("id", id)
                    .put("object", "chat.completion.chunk")
                    .put("model", model);
            chunk.putArray("choices")
                    .addObject()
                    .put("index", 0)
                    .putNull("finish_reason")
                    .putObject("delta")
                    .put("content", piece);
            out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        ObjectNode last = JSON.createObjectNode()
                .put("id", id)
                .put("object", "chat.completion.chunk")
                .put("model", model);
        last.putArray("choices")
                .addObject()
                .put("index", 0)
                .put("finish_reason", "stop")
                .putObject("delta");
        last.putObject("usage")
                .put("prompt_tokens", text.promptTokens())
                .put("completion_tokens", text.completionTokens())
                .put("total_tokens", text.promptTokens() + text.completionTokens());
        out.write(("data: " + last + "\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
    }

    private void streamToolCalls(HttpExchange exchange, String model, ToolCalls toolCalls) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        String id = "chatcmpl-" + ids.incrementAndGet();
        for (int i = 0; i < toolCalls.calls().size(); i++) {
            Call call = toolCalls.calls().get(i);
            ObjectNode chunk = JSON.createObjectNode()
                    .put("id", id)
                    .put("object", "chat.completion.chunk")
                    .put("model", model);
            ObjectNode delta = chunk.putArray("choices")
                    .addObject()
                    .put("index", 0)
                    .putNull("finish_reason")
                    .putObject("delta");
            delta.putArray("tool_calls")
                    .addObject()
                    .put("index", i)
                    .put("id", "call_" + ids.incrementAndGet())
                    .put("type", "function")
                    .putObject("function")
                    .put("name", call.name())
                    .put("arguments", call.argumentsJson());
            out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
        }
        ObjectNode last = JSON.createObjectNode()
                .put("id", id)
                .put("object", "chat.completion.chunk")
                .put("model", model);
        last.putArray("choices")
                .addObject()
                .put("index", 0)
                .put("finish_reason", "tool_calls")
                .putObject("delta");
        last.putObject("usage")
                .put("prompt_tokens", toolCalls.promptTokens())
                .put("completion_tokens", toolCalls.completionTokens())
                .put("total_tokens", toolCalls.promptTokens() + toolCalls.completionTokens());
        out.write(("data: " + last + "\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The words of {@code content}, or as many pieces of words as {@link #paceReplies} asked for. */
    private List<String> chunks(String content) {
        List<String> words = List.of(AFTER_SPACE.split(content, -1));
        if (pieces == 0) {
            return words;
        }
        List<String> grouped = new java.util.ArrayList<>();
        int size = Math.max(1, (words.size() + pieces - 1) / pieces);
        for (int from = 0; from < words.size(); from += size) {
            grouped.add(String.join("", words.subList(from, Math.min(words.size(), from + size))));
        }
        return grouped;
    }

    private void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (pieces <= 1) {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            return;
        }
        exchange.sendResponseHeaders(status, 0); // chunked: the body is written part by part, as it is generated
        OutputStream out = exchange.getResponseBody();
        int size = (bytes.length + pieces - 1) / pieces;
        for (int from = 0; from < bytes.length; from += size) {
            if (from > 0 && !pause(chunkPause)) {
                return;
            }
            out.write(bytes, from, Math.min(size, bytes.length - from));
            out.flush();
        }
    }

    @Override
    public void close() {
        held.countDown();
        server.stop(0);
    }
}
