package io.langop.operator.harness;

import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every request the mock API server answered, in order, so tests can count reads and writes. */
public final class ApiRequests {

    /** One request: HTTP method and path with query. */
    public record Request(String method, String path, String userAgent, long nanoTime) {
        public boolean isWrite() {
            return switch (method) {
                case "POST", "PUT", "PATCH", "DELETE" -> true;
                default -> false;
            };
        }

        public boolean isWatch() {
            return path.contains("watch=true");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<String> openWatches = new CopyOnWriteArrayList<>();

    void record(String method, String path, String userAgent) {
        requests.add(new Request(method, path, userAgent, System.nanoTime()));
    }

    /** Whether no write arrived during the last {@code period}. */
    public boolean noWritesFor(java.time.Duration period) {
        long cutoff = System.nanoTime() - period.toNanos();
        return requests.stream().filter(Request::isWrite).allMatch(r -> r.nanoTime() < cutoff);
    }

    /** A position in the log; pass it to {@link #since(int)}. */
    public int mark() {
        return requests.size();
    }

    public List<Request> since(int mark) {
        return List.copyOf(requests.subList(mark, requests.size()));
    }

    public List<Request> writesSince(int mark) {
        return since(mark).stream().filter(Request::isWrite).toList();
    }

    public List<Request> all() {
        return List.copyOf(requests);
    }

    /** The paths (with query) of the watches open now: started, and not closed by either side. */
    public List<String> openWatches() {
        return List.copyOf(openWatches);
    }

    /** The watch's listener, noting while it is open. */
    WebSocketListener openWatch(String path, WebSocketListener watch) {
        return new WebSocketListener() {
            @Override
            public void onBeforeAccept(WebSocket webSocket, Response response) {
                watch.onBeforeAccept(webSocket, response);
            }

            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                openWatches.add(path);
                watch.onOpen(webSocket, response);
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
                watch.onMessage(webSocket, text);
            }

            @Override
            public void onMessage(WebSocket webSocket, byte[] bytes) {
                watch.onMessage(webSocket, bytes);
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                watch.onClosing(webSocket, code, reason);
            }

            @Override
            public void onClosed(WebSocket webSocket, int code, String reason) {
                openWatches.remove(path);
                watch.onClosed(webSocket, code, reason);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
                openWatches.remove(path);
                watch.onFailure(webSocket, failure, response);
            }
        };
    }
}
