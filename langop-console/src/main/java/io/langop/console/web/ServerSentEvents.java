package io.langop.console.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * A server-sent event stream on one response, opened by its first write (until then the response can still be an
 * error status). Each write is flushed at once; a client that went away shows as an IOException.
 */
public final class ServerSentEvents {

    private final HttpServletResponse response;
    private PrintWriter out;

    public ServerSentEvents(HttpServletResponse response) {
        this.response = response;
    }

    public boolean started() {
        return out != null;
    }

    /** An event with a name ({@code null}: an unnamed one, a "message") and one line of data. */
    public void send(String event, String data) throws IOException {
        write((event == null ? "" : "event: " + event + "\n") + "data: " + data + "\n\n");
    }

    /** A comment line, which clients ignore: keeps idle connections (and the proxies between) open. */
    public void keepAlive() throws IOException {
        write(": keep-alive\n\n");
    }

    private synchronized void write(String text) throws IOException {
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
