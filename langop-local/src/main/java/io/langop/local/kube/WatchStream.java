package io.langop.local.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One watch as kubectl asks for it ({@code GET ...?watch=true}): a stream of JSON events, one per line, over a
 * plain HTTP response. The in-memory store serves watches over WebSocket only; this reads its events there and
 * writes them on, after what the store leaves out: the events kubectl already has (the store replays every object
 * as ADDED; those at or below the {@code resourceVersion} asked for are dropped), the field selector, and the Table
 * form of each object when kubectl asks for one.
 */
final class WatchStream {

    /** A {@code Watch} without {@code timeoutSeconds} ends after this, as the real API server ends it. */
    private static final Duration LONGEST = Duration.ofMinutes(30);

    private static final String END = "";

    private final HttpClient http;
    private final ObjectMapper json;
    private final ResourceTables tables;

    WatchStream(HttpClient http, ObjectMapper json, ResourceTables tables) {
        this.http = http;
        this.json = json;
        this.tables = tables;
    }

    /** What to do with the events of one watch. */
    record Request(
            URI backend,
            ApiResource resource,
            FieldSelector selector,
            long afterVersion,
            Optional<ResourceTables.IncludeObject> table,
            Duration timeout) {

        Request {
            timeout = timeout.isZero() || timeout.compareTo(LONGEST) > 0 ? LONGEST : timeout;
        }
    }

    /** Streams the events to {@code out} until the store ends the watch, the timeout passes or the client leaves. */
    void stream(Request request, OutputStream out) throws IOException, InterruptedException {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        WebSocket socket = http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(request.backend(), new Collector(events))
                .join();
        long deadline = System.nanoTime() + request.timeout().toNanos();
        boolean first = true;
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                String text = left <= 0 ? END : events.poll(left, TimeUnit.NANOSECONDS);
                if (text == null || text.equals(END)) {
                    return;
                }
                JsonNode event = json.readTree(text);
                JsonNode object = event.path("object");
                if (!wanted(request, event.path("type").asText(), object)) {
                    continue;
                }
                JsonNode written = request.table().isPresent() ? tableEvent(request, event, first) : event;
                first = false;
                out.write(json.writeValueAsBytes(written));
                out.write('\n');
                out.flush();
            }
        } finally {
            socket.abort();
        }
    }

    private static boolean wanted(Request request, String type, JsonNode object) {
        if ("ADDED".equals(type)
                && request.afterVersion() > 0
                && object.path("metadata").path("resourceVersion").asLong(Long.MAX_VALUE) <= request.afterVersion()) {
            return false;
        }
        return request.selector().matches(object);
    }

    private JsonNode tableEvent(Request request, JsonNode event, boolean headers) {
        ObjectNode table = tables.table(
                request.resource(),
                List.of(event.path("object")),
                event.path("object").path("metadata").path("resourceVersion").asText(""),
                request.table().orElseThrow(),
                headers);
        return json.createObjectNode().put("type", event.path("type").asText()).set("object", table);
    }

    /** Gathers the store's WebSocket frames into whole event texts; the end of the socket ends the stream. */
    private static final class Collector implements WebSocket.Listener {
        private final BlockingQueue<String> events;
        private final StringBuilder partial = new StringBuilder();

        Collector(BlockingQueue<String> events) {
            this.events = events;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                events.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, java.nio.ByteBuffer data, boolean last) {
            return onText(socket, StandardCharsets.UTF_8.decode(data), last);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            events.add(END);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            events.add(END);
        }
    }
}
