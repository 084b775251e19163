package io.langop.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.console.chat.ChatRefusal;
import io.langop.console.chat.ChatService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The server-sent events of one answer, opened by its first event: until then a refusal can still be an HTTP
 * status with a JSON error body; after it, it is an error event in the stream, as OpenAI streams end.
 */
final class EventStream implements ChatService.Listener {

    private final HttpServletResponse response;
    private final ServerSentEvents out;

    EventStream(HttpServletResponse response) {
        this.response = response;
        this.out = new ServerSentEvents(response);
    }

    @Override
    public void event(String json) throws IOException {
        out.send(null, json);
    }

    /** A notice of the console's own, an event named {@code notice} that OpenAI clients skip. */
    @Override
    public void notice(String message) throws IOException {
        out.send("notice", OpenAiJson.notice(message));
    }

    /**
     * A tool call the answer waits for, an event named {@code approval}: the agent's approval (tool, arguments,
     * state, deadline), which agent it belongs to and whether this user may decide it.
     */
    void approval(String target, JsonNode approval, boolean mayDecide) throws IOException {
        out.send("approval", approvalEvent(target, approval, mayDecide).toString());
    }

    /** The page's view of an approval, as the {@code approval} event and the loaded page ({@link PageTurns}) give it. */
    static ObjectNode approvalEvent(String target, JsonNode approval, boolean mayDecide) {
        ObjectNode event =
                OpenAiJson.mapper().createObjectNode().put("target", target).put("mayDecide", mayDecide);
        event.set("approval", approval);
        return event;
    }

    boolean started() {
        return out.started();
    }

    /** Tells of a refusal: as a status before the stream started, as an error event after. */
    void refuse(ChatRefusal refusal) throws IOException {
        if (!out.started()) {
            OpenAiJson.sendError(response, refusal);
        } else {
            event(OpenAiJson.error(refusal).toString());
        }
    }

    void done() throws IOException {
        out.send(null, "[DONE]");
    }
}
