import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load at a fixed rate against several targets serving the same fake upstream; prints latency
 * p50/p99 per target and what each adds over calling the upstream directly. Latency runs from the moment
 * a request was due, not when it was sent, so a stalled target cannot hide its queueing (no coordinated
 * omission). Usage: java LoadBench.java <rate/s> <seconds> <name>=<url> ... (the first target is the baseline)
 */
public class LoadBench {

  private static final String CHAT = "{\"model\":\"fast\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
  private static final String STREAM =
      "{\"model\":\"fast-stream\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

  /** Percentiles over the requests that were answered; errors are counted apart. */
  record Result(double p50Micros, double p99Micros, int errors, String firstError) {
  }

  /** What one run measured: the latency of each answered request, in nanoseconds. */
  record Run(long[] latencies, int errors, String firstError) {
  }

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
      return new Result(sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.99)] / 1000.0, errors,
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
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    for (String mode : new String[] {"non-streaming (full response)", "streaming (time to first chunk)"}) {
      boolean stream = mode.startsWith("streaming");
      System.out.printf("%n%s at %d req/s, %d s each, in 1 s turns%n", mode, rate, seconds);
      System.out.printf("%-8s %10s %10s %14s %14s %7s%n", "target", "p50 µs", "p99 µs", "added p50 µs",
          "added p99 µs", "errors");
      Map<String, String> paths = new LinkedHashMap<>();
      Map<String, Sample> samples = new LinkedHashMap<>();
      for (var target : targets.entrySet()) {
        String path = target.getValue() + (stream && !target.getKey().equals("proxy") ? "/stream" : "")
            + "/v1/chat/completions";
        paths.put(target.getKey(), path);
        samples.put(target.getKey(), new Sample());
        // Warm up connections and the JIT gently first: a cold JVM at full rate measures its compiler.
        run(http, path, stream, Math.max(1, rate / 4), 5);
        run(http, path, stream, rate, 5);
      }
      // The targets take turns of one second, in a rotating order, so that whatever else the machine does
      // meanwhile (and on 2 shared cores it does) falls on all of them alike.
      List<String> names = new ArrayList<>(targets.keySet());
      for (int turn = 0; turn < seconds; turn++) {
        for (int i = 0; i < names.size(); i++) {
          String name = names.get((turn + i) % names.size());
          samples.get(name).add(run(http, paths.get(name), stream, rate, 1));
        }
      }
      Result baseline = null;
      for (var entry : samples.entrySet()) {
        Result result = entry.getValue().result();
        if (baseline == null) {
          baseline = result;
        }
        System.out.printf("%-8s %10.0f %10.0f %14s %14s %7d%n", entry.getKey(), result.p50Micros(),
            result.p99Micros(), result == baseline ? "-" : "%.0f".formatted(result.p50Micros() - baseline.p50Micros()),
            result == baseline ? "-" : "%.0f".formatted(result.p99Micros() - baseline.p99Micros()), result.errors());
        if (result.firstError() != null) {
          System.out.printf("         first error: %s%n", result.firstError());
        }
      }
    }
    http.close();
  }

  private static Run run(HttpClient http, String url, boolean stream, int rate, int seconds) throws Exception {
    int total = rate * seconds;
    long[] latencies = new long[total];
    AtomicInteger errors = new AtomicInteger();
    java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(stream ? STREAM : CHAT)).timeout(Duration.ofSeconds(10)).build();
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
            latencies[index] = stream ? firstChunk(http, request, due) : whole(http, request, due);
          } catch (Exception e) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, e.toString());
            latencies[index] = Long.MAX_VALUE;
          }
        });
      }
    }
    return new Run(Arrays.stream(latencies).filter(l -> l != Long.MAX_VALUE).toArray(), errors.get(),
        firstError.get());
  }

  private static long whole(HttpClient http, HttpRequest request, long due) throws Exception {
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    long latency = System.nanoTime() - due;
    if (response.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + response.statusCode() + " " + new String(response.body(),
          StandardCharsets.UTF_8));
    }
    return latency;
  }

  private static long firstChunk(HttpClient http, HttpRequest request, long due) throws Exception {
    HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null && !line.startsWith("data:")) {
        // skip to the first event
      }
      long latency = System.nanoTime() - due;
      if (response.statusCode() != 200 || line == null) {
        throw new IllegalStateException("HTTP " + response.statusCode());
      }
      while (lines.readLine() != null) {
        // drain so the connection can be reused
      }
      return latency;
    }
  }
}
