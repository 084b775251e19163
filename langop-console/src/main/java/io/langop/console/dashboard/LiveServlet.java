package io.langop.console.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Event;
import io.langop.console.auth.Access;
import io.langop.console.web.ServerSentEvents;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code /live}: what the watches see, as server-sent events, for as long as the browser listens: {@code change}
 * ({@code {"kind","name"}}) when an object changes, {@code k8s-event} (time, reason, object, message, warning,
 * count) for each event of the namespace. A browser too slow to take them loses the oldest, never the stream.
 */
final class LiveServlet extends HttpServlet {

    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    static final int BACKLOG = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Message(String event, String data) {}

    /** Tells a stream to end: the dashboard is stopping (no change or event is named "end"). */
    private static final Message END = new Message("end", "{}");

    private final Set<BlockingQueue<Message>> streams = ConcurrentHashMap.newKeySet();

    private final ClusterWatch watch;
    private final Access access;

    LiveServlet(ClusterWatch watch, Access access) {
        this.watch = watch;
        this.access = access;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (access.user(request).isEmpty() && !access.anonymousAllowed()) {
            response.sendError(401);
            return;
        }
        BlockingQueue<Message> queue = new LinkedBlockingQueue<>(BACKLOG);
        ClusterWatch.Listener listener = new ClusterWatch.Listener() {
            @Override
            public void changed(String kind, String name) {
                offer(
                        queue,
                        new Message(
                                "change",
                                JSON.createObjectNode()
                                        .put("kind", kind)
                                        .put("name", name)
                                        .toString()));
            }

            @Override
            public void event(Event event) {
                EventText text = EventText.of(event);
                offer(
                        queue,
                        new Message(
                                "k8s-event",
                                JSON.createObjectNode()
                                        .put("time", text.time().toString())
                                        .put("warning", text.warning())
                                        .put("reason", text.reason())
                                        .put("object", text.object())
                                        .put("message", text.message())
                                        .put("count", text.count())
                                        .toString()));
            }
        };
        ServerSentEvents out = new ServerSentEvents(response);
        watch.listen(listener);
        streams.add(queue);
        try {
            out.send("ready", "{}");
            for (Message next = queue.poll(KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
                    !END.equals(next);
                    next = queue.poll(KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS)) {
                if (next == null) {
                    out.keepAlive();
                } else {
                    out.send(next.event(), next.data());
                }
            }
        } catch (IOException gone) {
            // the browser left: nothing to tell it
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            streams.remove(queue);
            watch.forget(listener);
        }
    }

    /** Ends every stream, so that the server stops without waiting for browsers that would listen forever. */
    void close() {
        streams.forEach(queue -> offer(queue, END));
    }

    private static void offer(BlockingQueue<Message> queue, Message message) {
        while (!queue.offer(message)) {
            queue.poll();
        }
    }
}
