package io.langop.console.web;

import io.langop.console.chat.ChatRefusal;
import io.langop.console.chat.ChatService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The server-sent events of one answer, opened by its first event: until then a refusal can still be an HTTP
 * status with a JSON error body; after it, it is an error event in the stream, as OpenAI streams end.
 */
final class EventStream implements ChatService.Listener {

    private final HttpServletResponse response;
    private PrintWriter out;

    EventStream(HttpServletResponse response) {
        this.response = response;
    }

    @Override
    public void event(String json) throws IOException {
        write("data: " + json + "\n\n");
    }

    /** A notice of the console's own, an event named {@code notice} that OpenAI clients skip. */
    @Override
    public void notice(String message) throws IOException {
        write("event: notice\ndata: " + OpenAiJson.notice(message) + "\n\n");
    }

    boolean started() {
        return out != null;
    }

    /** Tells of a refusal: as a status before the stream started, as an error event after. */
    void refuse(ChatRefusal refusal) throws IOException {
        if (out == null) {
            OpenAiJson.sendError(response, refusal);
        } else {
            event(OpenAiJson.error(refusal).toString());
        }
    }

    void done() throws IOException {
        write("data: [DONE]\n\n");
    }

    private void write(String text) throws IOException {
        if (out == null) {
            response.setContentType("text/event-stream;charset=utf-8");
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("X-Accel-Buffering", "no"); // nginx ingresses would hold the stream otherwise
            out = response.getWriter();
        }
        out.write(text);
        out.flush();
        if (out.checkError()) {
            throw new IOException("the client went away");
        }
    }
}
