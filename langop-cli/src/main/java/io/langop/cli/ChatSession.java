package io.langop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.langop.wire.ServiceWire;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One conversation with an interactive agent through the API server's service proxy: every message goes with the
 * conversation so far, as its OpenAI-compatible endpoint expects, and the answer is printed as its server-sent
 * events arrive.
 */
final class ChatSession {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** An answer may take the agent many model and tool calls; its own timeout ends it first. */
    private static final long ANSWER_TIMEOUT_MINUTES = 15;

    private final KubernetesClient client;
    private final String url;
    private final ArrayNode conversation = JSON.createArrayNode();

    ChatSession(KubernetesClient client, AgentObjects agent) {
        this.client = client;
        String base = client.getMasterUrl().toString();
        this.url = (base.endsWith("/") ? base : base + "/") + "api/v1/namespaces/" + agent.namespace() + "/services/"
                + agent.workloadName() + "/proxy" + ServiceWire.AGENT_CHAT_PATH;
    }

    /** Sends {@code text}, prints the answer to {@code out} as it streams, and keeps both in the conversation. */
    CliExit send(String text, PrintWriter out) {
        conversation.addObject().put("role", "user").put("content", text);
        ObjectNode body = JSON.createObjectNode().put("stream", true);
        body.set("messages", conversation);
        HttpRequest request = client.getHttpClient()
                .newHttpRequestBuilder()
                .uri(url)
                .header("Accept", "text/event-stream")
                .post("application/json", body.toString().getBytes(StandardCharsets.UTF_8))
                .timeout(ANSWER_TIMEOUT_MINUTES, TimeUnit.MINUTES)
                .build();
        HttpResponse<InputStream> response;
        try {
            response =
                    client.getHttpClient().sendAsync(request, InputStream.class).get();
        } catch (ExecutionException failed) {
            throw new CliFailure(
                    CliExit.CLUSTER_ERROR,
                    "no answer from " + url + ": " + failed.getCause().getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CliFailure(CliExit.FAILED, "interrupted");
        }
        try (InputStream stream = response.body()) {
            if (!response.isSuccessful()) {
                throw new CliFailure(
                        response.code() == 404 || response.code() == 503 ? CliExit.NOT_FOUND : CliExit.FAILED,
                        "the agent did not answer (HTTP " + response.code() + "): " + errorOf(stream));
            }
            StringBuilder answer = new StringBuilder();
            BufferedReader events = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            for (String line; (line = events.readLine()) != null; ) {
                if (!line.startsWith("data:")) {
                    continue;
                }
                String data = line.substring("data:".length()).strip();
                if (data.equals("[DONE]")) {
                    break;
                }
                JsonNode event = JSON.readTree(data);
                if (event.has("error")) {
                    out.println();
                    out.flush();
                    throw new CliFailure(
                            CliExit.FAILED,
                            "the agent failed: "
                                    + event.path("error").path("message").asText());
                }
                String delta = event.path("choices")
                        .path(0)
                        .path("delta")
                        .path("content")
                        .asText("");
                answer.append(delta);
                out.print(delta);
                out.flush();
            }
            out.println();
            out.flush();
            conversation.addObject().put("role", "assistant").put("content", answer.toString());
            return CliExit.SUCCESS;
        } catch (IOException broken) {
            throw new CliFailure(CliExit.FAILED, "the answer broke off: " + broken.getMessage());
        }
    }

    /** An OpenAI error body's message, a Kubernetes Status's, or the body as it is. */
    private static String errorOf(InputStream stream) throws IOException {
        String text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        try {
            JsonNode body = JSON.readTree(text);
            if (body.path("error").path("message").isTextual()) {
                return body.path("error").path("message").asText();
            }
            if (body.path("message").isTextual()) {
                return body.path("message").asText();
            }
        } catch (IOException notJson) {
            // said in plain text
        }
        return text.strip();
    }
}
