import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load at a fixed rate against several targets serving the same fake upstream; prints latency
 * p50/p99 per target and what each adds over calling the upstream directly. Latency runs from the moment
 * a request was due, not when it was sent, so a stalled target cannot hide its queueing (no coordinated
 * omission). Usage: java LoadBench.java <rate/s> <seconds> <name>=<url> ... (the first target is the baseline)
 *
 * <p>The client is a plain socket per keep-alive connection that writes each request in one piece and parses
 * only the status line, the framing headers and the body: the JDK's {@code HttpClient} measured here first added
 * about 200 µs to every request and tails of milliseconds of its own (hand-offs between its selector thread and
 * the callers), more than the 1 ms this benchmark looks for.
 */
public class LoadBench {

    private static final String CHAT = "{\"model\":\"fast\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String STREAM =
            "{\"model\":\"fast-stream\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    /** Percentiles over the requests that were answered; errors are counted apart. */
    record Result(double p50Micros, double p99Micros, int errors, String firstError) {}

    /** What one run measured: the latency of each answered request, in nanoseconds. */
    record Run(long[] latencies, int errors, String firstError) {}

    /** The runs of one target, merged. */
    static final class Sample {
        private long[] latencies = new long[0];
        private int errors;
        private String firstError;

        void add(Run run) {
            int length = latencies.length;
            latencies = Arrays.copyOf(latencies, length + run.latencies().length);
            System.arraycopy(run.latencies(), 0, latencies, length, run.latencies().length);
            errors += run.errors();
            firstError = firstError != null ? firstError : run.firstError();
        }

        Result result() {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                return new Result(Double.NaN, Double.NaN, errors, firstError);
            }
            return new Result(
                    sorted[sorted.length / 2] / 1000.0,
                    sorted[(int) (sorted.length * 0.99)] / 1000.0,
                    errors,
                    firstError);
        }
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        Map<String, String> targets = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            targets.put(pair[0], pair[1]);
        }
        for (String mode : new String[] {"non-streaming (full response)", "streaming (time to first chunk)"}) {
            boolean stream = mode.startsWith("streaming");
            System.out.printf("%n%s at %d req/s, %d s each, in 1 s turns%n", mode, rate, seconds);
            System.out.printf(
                    "%-8s %10s %10s %14s %14s %7s%n",
                    "target", "p50 µs", "p99 µs", "added p50 µs", "added p99 µs", "errors");
            Map<String, Target> endpoints = new LinkedHashMap<>();
            Map<String, Sample> samples = new LinkedHashMap<>();
            for (var target : targets.entrySet()) {
                URI url = URI.create(target.getValue()
                        + (stream && !target.getKey().equals("proxy") ? "/stream" : "") + "/v1/chat/completions");
                Target endpoint = new Target(url, stream);
                endpoints.put(target.getKey(), endpoint);
                samples.put(target.getKey(), new Sample());
                // Warm up connections and the JIT gently first: a cold JVM at full rate measures its compiler.
                run(endpoint, Math.max(1, rate / 4), 5);
                run(endpoint, rate, 5);
            }
            // The targets take turns of one second, in a rotating order, so that whatever else the machine does
            // meanwhile (and on 2 shared cores it does) falls on all of them alike.
            List<String> names = new ArrayList<>(targets.keySet());
            for (int turn = 0; turn < seconds; turn++) {
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get((turn + i) % names.size());
                    samples.get(name).add(run(endpoints.get(name), rate, 1));
                }
            }
            Result baseline = null;
            for (var entry : samples.entrySet()) {
                Result result = entry.getValue().result();
                if (baseline == null) {
                    baseline = result;
                }
                System.out.printf(
                        "%-8s %10.0f %10.0f %14s %14s %7d%n",
                        entry.getKey(),
                        result.p50Micros(),
                        result.p99Micros(),
                        result == baseline ? "-" : "%.0f".formatted(result.p50Micros() - baseline.p50Micros()),
                        result == baseline ? "-" : "%.0f".formatted(result.p99Micros() - baseline.p99Micros()),
                        result.errors());
                if (result.firstError() != null) {
                    System.out.printf("         first error: %s%n", result.firstError());
                }
            }
        }
    }

    /** One URL to load, with its idle keep-alive connections. */
    static final class Target {
        private final URI url;
        private final boolean stream;
        private final byte[] request;
        private final Queue<Connection> idle = new ConcurrentLinkedQueue<>();

        Target(URI url, boolean stream) {
            this.url = url;
            this.stream = stream;
            byte[] body = (stream ? STREAM : CHAT).getBytes(StandardCharsets.UTF_8);
            this.request = ("POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getAuthority()
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n"
                            + new String(body, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
        }

        /**
         * Sends the request on an idle connection (a new one when none is idle) and returns the latency from
         * {@code due} to the first {@code data:} event of a stream, or to the end of a whole answer.
         */
        long call(long due) throws IOException {
            Connection connection = idle.poll();
            if (connection == null) {
                connection = new Connection(url);
            }
            try {
                connection.out.write(request);
                connection.out.flush();
                long latency = connection.readAnswer(due, stream);
                idle.add(connection);
                return latency;
            } catch (IOException | RuntimeException e) {
                connection.socket.close();
                throw e;
            }
        }
    }

    /** A keep-alive HTTP/1.1 connection that reads answers framed by Content-Length or chunked encoding. */
    static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(URI url) throws IOException {
            socket = new Socket(url.getHost(), url.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }

        long readAnswer(long due, boolean stream) throws IOException {
            String status = line();
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(
                            header.substring("content-length:".length()).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            long firstEvent = -1;
            StringBuilder body = new StringBuilder();
            if (chunked) {
                for (int size = Integer.parseInt(line().trim(), 16);
                        size > 0;
                        size = Integer.parseInt(line().trim(), 16)) {
                    body.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                    line();
                    if (firstEvent < 0 && body.indexOf("data:") >= 0) {
                        firstEvent = System.nanoTime();
                    }
                }
                line(); // the empty trailer
            } else if (length >= 0) {
                body.append(new String(in.readNBytes((int) length), StandardCharsets.UTF_8));
            } else {
                throw new IOException("an answer with neither Content-Length nor chunked encoding");
            }
            long end = System.nanoTime();
            if (!status.startsWith("HTTP/1.1 200 ")) {
                throw new IOException(status + " " + body);
            }
            if (stream && body.indexOf("data:") < 0) {
                throw new IOException("a stream without a data: event");
            }
            return (firstEvent >= 0 ? firstEvent : end) - due;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("the server closed the connection");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }

    private static Run run(Target target, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                int index = i;
                workers.submit(() -> {
                    try {
                        latencies[index] = target.call(due);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                        latencies[index] = Long.MAX_VALUE;
                    }
                });
            }
        }
        return new Run(
                Arrays.stream(latencies).filter(l -> l != Long.MAX_VALUE).toArray(), errors.get(), firstError.get());
    }
}
