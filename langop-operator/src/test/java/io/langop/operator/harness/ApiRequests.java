package io.langop.operator.harness;

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
}
