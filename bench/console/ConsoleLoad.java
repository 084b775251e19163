import io.langop.console.Console;
import io.langop.console.ConsoleConfigFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Concurrent chat sessions streaming through the console, as browsers use it: each session signs in with its own
 * API key and sends its messages to {@code /api/chat} in one conversation; a fake model streams each answer (its
 * first chunk at once, then {@code chunks} more {@code pauseMs} apart). Rounds alternate between calling the model
 * directly and through the console, with the same client and the same concurrency, so what the console adds to the
 * time to first token is the difference (p50, p99). Then the heap the sessions leave in the console (sign-ins and
 * conversations, after a full GC) divided by their number.
 *
 * <p>With {@code spreadMs} above 0 the sessions do not send at the same instant: each one's message of a round
 * leaves at its own offset within {@code spreadMs} (the same offsets for both paths), so the streams overlap
 * without their first tokens being asked for all at once.
 *
 * <p>Usage: java -cp <langop-console runtime classpath> ConsoleLoad.java [sessions=200] [rounds=10] [chunks=20]
 * [pauseMs=25] [spreadMs=0]
 */
public class ConsoleLoad {

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int chunks = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int pauseMs = args.length > 3 ? Integer.parseInt(args[3]) : 25;
        int spreadMs = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        long[] offsetsNanos = new java.util.Random(20)
                .longs(sessions, 0, Math.max(1, spreadMs * 1_000_000L))
                .toArray();

        // The JDK's HttpServer, standing in for the model, keeps 200 idle connections and delays small writes
        // (Nagle) by default: at 200 sessions both paths' connections (400) would be closed and opened again
        // between rounds. Real model servers and agents (Jetty, Netty) keep them and write at once.
        System.setProperty("sun.net.httpserver.maxIdleConnections", Integer.toString(4 * sessions + 16));
        System.setProperty("sun.net.httpserver.nodelay", "true");
        var model = FakeModel.start(chunks, pauseMs);
        Map<String, String> env = new HashMap<>();
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < sessions; i++) {
            keys.append("user").append(i).append(":key-").append(i).append('\n');
        }
        env.put("AUTH_KEYS_SECRET", keys.toString());
        String settings = """
                {"name":"bench","namespace":"bench","models":[{"name":"fast","endpoint":"%s/v1"}],
                 "session":{"cookieConfig":{"secure":false}},
                 "authentication":{"enabled":true,"requireAuthentication":true,"allowAnonymous":false,
                   "providers":[{"name":"keys","type":"api-key","secretEnv":"AUTH_KEYS_SECRET"}]}}
                """.formatted(model.url());
        long heapBefore = heapAfterGc();
        Console console = Console.start(
                ConsoleConfigFile.parse(settings),
                env::get,
                0,
                InetAddress.getLoopbackAddress(),
                null,
                Clock.systemUTC());
        // the console's own client settings, for the direct path and the hop to the console alike
        HttpClient http = Console.httpClient();
        String origin = "http://" + console.uri().getAuthority();
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            HttpResponse<Void> signIn = http.send(
                    HttpRequest.newBuilder(console.uri().resolve("/auth/key"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Origin", origin)
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "key=" + URLEncoder.encode("key-" + i, StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
            cookies.add(cookie.substring(0, cookie.indexOf(';')));
        }

        List<Double> direct = new ArrayList<>();
        List<Double> through = new ArrayList<>();
        CpuTime directCpu = new CpuTime();
        CpuTime throughCpu = new CpuTime();
        AtomicInteger failures = new AtomicInteger();
        long started = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            int turn = round;
            directCpu.startUnless(round == 0);
            direct.addAll(wave(
                    sessions,
                    i -> HttpRequest.newBuilder(URI.create(model.url() + "/v1/chat/completions"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"model\":\"fast\",\"stream\":true,\"messages\":"
                                            + "[{\"role\":\"user\",\"content\":\"message " + turn + "\"}]}"))
                            .build(),
                    http,
                    offsetsNanos,
                    failures));
            directCpu.stop();
            throughCpu.startUnless(round == 0);
            through.addAll(wave(
                    sessions,
                    i -> HttpRequest.newBuilder(console.uri().resolve("/api/chat"))
                            .header("Content-Type", "application/json")
                            .header("Origin", origin)
                            .header("Cookie", cookies.get(i))
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"conversation\":\"bench-" + i + "\",\"target\":\"fast\",\"message\":\"message "
                                            + turn + " of session " + i + "\"}"))
                            .build(),
                    http,
                    offsetsNanos,
                    failures));
            throughCpu.stop();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // The load's connections and the model go (the model's side of the console's connections lives in this JVM
        // too): what stays is the console's sign-ins and conversations, and what its buffer pools kept of the run.
        http.close();
        model.close();
        Thread.sleep(500);
        long heapWithSessions = heapAfterGc();

        // The first round warms the JIT up for both paths: left out of the figures.
        List<Double> directMeasured = direct.subList(sessions, direct.size());
        List<Double> throughMeasured = through.subList(sessions, through.size());
        System.out.printf(
                Locale.ROOT,
                "%d cores, %d sessions %s, %d rounds (first left out), answers of %d chunks %d ms"
                        + " apart, %.1f s, %d failed requests%n",
                Runtime.getRuntime().availableProcessors(),
                sessions,
                spreadMs > 0 ? "sending within " + spreadMs + " ms" : "sending at once",
                rounds,
                chunks + 1,
                pauseMs,
                seconds,
                failures.get());
        System.out.printf(Locale.ROOT, "time to first token   p50       p99%n");
        System.out.printf(
                Locale.ROOT,
                "model directly        %6.1f ms %6.1f ms%n",
                pct(directMeasured, 50),
                pct(directMeasured, 99));
        System.out.printf(
                Locale.ROOT,
                "through the console   %6.1f ms %6.1f ms%n",
                pct(throughMeasured, 50),
                pct(throughMeasured, 99));
        System.out.printf(
                Locale.ROOT,
                "added by the console  %6.1f ms %6.1f ms%n",
                pct(throughMeasured, 50) - pct(directMeasured, 50),
                pct(throughMeasured, 99) - pct(directMeasured, 99));
        int measuredRequests = sessions * (rounds - 1);
        System.out.printf(
                Locale.ROOT,
                "CPU per request (whole JVM: client, model and console): directly %.2f ms, through the console"
                        + " %.2f ms, added %.2f ms%n",
                directCpu.millisPer(measuredRequests),
                throughCpu.millisPer(measuredRequests),
                throughCpu.millisPer(measuredRequests) - directCpu.millisPer(measuredRequests));
        System.out.printf(
                Locale.ROOT,
                "heap the console keeps per session: %.1f KiB (sign-in, conversation of %d messages, and what its"
                        + " buffer pools kept of %d streams at once, shared out)%n",
                (heapWithSessions - heapBefore) / 1024.0 / sessions,
                2 * rounds,
                sessions);
        console.close();
    }

    /** The process's CPU time over the measured waves of one path (streams included). */
    static final class CpuTime {
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private long total;
        private long started = -1;

        void startUnless(boolean warmUp) {
            started = warmUp ? -1 : OS.getProcessCpuTime();
        }

        void stop() {
            if (started >= 0) {
                total += OS.getProcessCpuTime() - started;
            }
        }

        double millisPer(int requests) {
            return total / 1e6 / requests;
        }
    }

    interface Requests {
        HttpRequest of(int session);
    }

    /** All sessions at once; each one's time to its first content event, in ms. */
    static List<Double> wave(
            int sessions, Requests requests, HttpClient http, long[] offsetsNanos, AtomicInteger failures)
            throws InterruptedException {
        long start = System.nanoTime();
        ConcurrentLinkedQueue<Double> times = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(sessions);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < sessions; i++) {
                int session = i;
                threads.submit(() -> {
                    try {
                        long wait = start + offsetsNanos[session] - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(java.time.Duration.ofNanos(wait));
                        }
                        long sent = System.nanoTime();
                        HttpResponse<java.io.InputStream> response =
                                http.send(requests.of(session), HttpResponse.BodyHandlers.ofInputStream());
                        try (var lines =
                                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                            boolean first = true;
                            for (String line; (line = lines.readLine()) != null; ) {
                                if (first && line.startsWith("data:") && line.contains("\"content\"")) {
                                    times.add((System.nanoTime() - sent) / 1e6);
                                    first = false;
                                }
                            }
                            if (response.statusCode() != 200 || first) {
                                failures.incrementAndGet();
                            }
                        }
                    } catch (IOException | InterruptedException e) {
                        failures.incrementAndGet();
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await();
        }
        return new ArrayList<>(times);
    }

    static double pct(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** An OpenAI-compatible model that streams a fixed answer: a first chunk at once, then the rest paced. */
    record FakeModel(com.sun.net.httpserver.HttpServer server) implements AutoCloseable {

        static FakeModel start(int chunks, int pauseMs) throws IOException {
            var server = com.sun.net.httpserver.HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/v1/chat/completions", exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int i = 0; i <= chunks; i++) {
                        if (i > 0) {
                            Thread.sleep(pauseMs);
                        }
                        out.write(("data: {\"id\":\"b\",\"object\":\"chat.completion.chunk\",\"model\":\"fast\","
                                        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"token" + i + " \"},"
                                        + "\"finish_reason\":null}]}\n\n")
                                .getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                    out.write(("data: {\"id\":\"b\",\"object\":\"chat.completion.chunk\",\"model\":\"fast\","
                                    + "\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":"
                                    + (chunks + 1)
                                    + ",\"total_tokens\":" + (chunks + 11) + "}}\n\ndata: [DONE]\n\n")
                            .getBytes(StandardCharsets.UTF_8));
                    // flushed as streaming servers (agents) do: the response's end follows in a write of its own
                    out.flush();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
            return new FakeModel(server);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
