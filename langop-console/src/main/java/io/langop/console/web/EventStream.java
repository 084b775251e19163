package io.langop.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.console.chat.ChatRefusal;
import io.langop.console.chat.ChatService;
import io.langop.wire.ClientWire;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The server-sent events of one answer, opened by its first event: until then a refusal can still be an HTTP
 * status with a JSON error body; after it, it is an error event in the stream, as OpenAI streams end.
 *
 * <p>The page's stream ({@link #forPage}) has events of the console's own names ({@code notice}, {@code approval});
 * a program's ({@link #forPrograms}) has chunks only, since OpenAI's SDKs read every named event as a chunk and fail
 * on one without {@code choices}: a notice rides in the extra field {@link ClientWire#NOTICE_FIELD} of the answer's
 * first chunk.
 */
final class EventStream implements ChatService.Listener {

    private final HttpServletResponse response;
    private final ServerSentEvents out;
    private final boolean namedEvents;
    /** A program's notice, until the first chunk carries it. */
    private String heldNotice;

    private EventStream(HttpServletResponse response, boolean namedEvents) {
        this.response = response;
        this.out = new ServerSentEvents(response);
        this.namedEvents = namedEvents;
    }

    static EventStream forPage(HttpServletResponse response) {
        return new EventStream(response, true);
    }

    static EventStream forPrograms(HttpServletResponse response) {
        return new EventStream(response, false);
    }

    @Override
    public void event(String json) throws IOException {
        if (heldNotice != null) {
            json = withNotice(json, heldNotice);
            heldNotice = null;
        }
        out.send(null, json);
    }

    /** A notice of the console's own: an event named {@code notice} on the page, held for the next chunk else. */
    @Override
    public void notice(String message) throws IOException {
        if (namedEvents) {
            out.send("notice", OpenAiJson.notice(message));
        } else {
            heldNotice = message;
        }
    }

    /** {@code chunk} with the notice in its extra field; as it is when it is no JSON object (then none can carry it). */
    static String withNotice(String chunk, String message) {
        try {
            JsonNode parsed = OpenAiJson.mapper().readTree(chunk);
            if (parsed instanceof ObjectNode object) {
                object.putObject(ClientWire.NOTICE_FIELD).put("message", message);
                return object.toString();
            }
        } catch (JsonProcessingException notJson) {
            // left as it is
        }
        return chunk;
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
            event(OpenAiJson.error(refusal));
        }
    }

    void done() throws IOException {
        out.send(null, "[DONE]");
    }
}
