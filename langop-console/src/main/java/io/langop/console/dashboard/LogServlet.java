package io.langop.console.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.langop.console.auth.Access;
import io.langop.console.web.ServerSentEvents;
import io.langop.wire.ObjectNames;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code /logs/<agent>}: the agent container's log of each of the agent's pods, followed, as server-sent events:
 * {@code line} ({@code {"pod","line"}}) for each line from the last {@link #TAIL_LINES} on, then {@code end} when
 * every pod's log has ended (the pod stopped, or the API server closed the stream); {@code end} at once when no pod
 * runs the agent now. The browser opens it again when the agent's pods change.
 */
final class LogServlet extends HttpServlet {

    static final int TAIL_LINES = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClusterWatch watch;
    private final KubernetesClient client;
    private final Access access;
    private final Set<LogWatch> following = ConcurrentHashMap.newKeySet();

    LogServlet(ClusterWatch watch, KubernetesClient client, Access access) {
        this.watch = watch;
        this.client = client;
        this.access = access;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (access.user(request).isEmpty() && !access.anonymousAllowed()) {
            response.sendError(401);
            return;
        }
        String agent = request.getPathInfo() == null
                ? ""
                : URLDecoder.decode(request.getPathInfo().substring(1), StandardCharsets.UTF_8);
        if (watch.agent(agent).isEmpty()) {
            response.sendError(404);
            return;
        }
        ServerSentEvents out = new ServerSentEvents(response);
        List<Pod> pods = watch.podsOf(agent);
        out.send(
                "pods",
                JSON.writeValueAsString(
                        pods.stream().map(pod -> pod.getMetadata().getName()).toList()));
        List<LogWatch> logs = new ArrayList<>();
        ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Pod pod : pods) {
                LogWatch log = client.pods()
                        .inNamespace(watch.namespace())
                        .withName(pod.getMetadata().getName())
                        .inContainer(ObjectNames.AGENT_CONTAINER)
                        .tailingLines(TAIL_LINES)
                        .watchLog();
                logs.add(log);
                following.add(log);
                running.add(readers.submit(() -> copy(pod.getMetadata().getName(), log, out)));
            }
            for (Future<?> each : running) {
                awaitWhileListening(each, out);
            }
            out.send("end", "{}");
        } catch (KubernetesClientException e) {
            out.send(
                    "end",
                    JSON.createObjectNode()
                            .put("problem", "the log cannot be read: " + e.getCode())
                            .toString());
        } catch (IOException | ExecutionException gone) {
            // the browser left (a write failed)
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            // closing the logs ends the readers blocked on them
            logs.forEach(LogWatch::close);
            following.removeAll(logs);
            readers.shutdownNow();
        }
    }

    /** Ends every followed log, so that the server stops without waiting for logs that would go on forever. */
    void close() {
        following.forEach(LogWatch::close);
    }

    /** A quiet log writes nothing for long: a keep-alive in between finds out whether the browser is still there. */
    private static void awaitWhileListening(Future<?> reader, ServerSentEvents out)
            throws IOException, ExecutionException, InterruptedException {
        while (true) {
            try {
                reader.get(LiveServlet.KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException quiet) {
                out.keepAlive();
            }
        }
    }

    private static Void copy(String pod, LogWatch log, ServerSentEvents out) throws IOException {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(log.getOutput(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.send(
                        "line",
                        JSON.createObjectNode()
                                .put("pod", pod)
                                .put("line", line)
                                .toString());
            }
        }
        return null;
    }
}
