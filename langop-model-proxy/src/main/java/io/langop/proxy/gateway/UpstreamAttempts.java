package io.langop.proxy.gateway;

import io.langop.proxy.config.Durations;
import io.langop.proxy.config.ModelConfig;
import io.langop.proxy.config.RetryPolicy;
import io.langop.proxy.limits.RateLimiters;
import io.langop.proxy.limits.RateLimiters.Admission;
import io.langop.proxy.limits.RateLimiters.Permit;
import io.langop.proxy.openai.ApiError;
import io.langop.proxy.routing.Endpoint;
import io.langop.proxy.routing.Endpoint.Outcome;
import io.langop.proxy.routing.EndpointPool.Lease;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request along a model's fallback chain: on each model up to {@code retry.maxAttempts} attempts
 * with backoff (each attempt routed to a healthy endpoint), then the next model. Stops at the first answer,
 * and at the first error retrying cannot fix (a 400 would be a 400 everywhere).
 */
final class UpstreamAttempts {

  private static final Logger LOG = LoggerFactory.getLogger(UpstreamAttempts.class);
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final HttpClient http;
  private final RateLimiters limiters;

  UpstreamAttempts(HttpClient http, RateLimiters limiters) {
    this.http = http;
    this.limiters = limiters;
  }

  /** What the chain ended in. */
  sealed interface Result {
    /** A 2xx from {@code model}; the caller reads the body and closes the lease and the permits. */
    record Answered(ModelRuntime model, Lease lease, long latencyNanos, Reply reply,
        List<Permit> fallbackPermits) implements Result {
    }

    record Failed(ApiError error) implements Result {
    }
  }

  /** Builds the upstream request for an attempt on a model's endpoint. */
  interface RequestFactory {
    HttpRequest.Builder build(ModelRuntime model, Endpoint endpoint);
  }

  Result send(Gateway gateway, ModelRuntime requested, RequestFactory requests, long estimatedTokens,
      boolean stream) {
    List<ModelRuntime> chain = new ArrayList<>();
    chain.add(requested);
    requested.config().fallbacks().forEach(name -> gateway.model(name).ifPresent(chain::add));
    List<Permit> fallbackPermits = new ArrayList<>();
    ApiError last = null;
    for (ModelRuntime model : chain) {
      if (model != requested) {
        // The requested model's limits were checked on admission; a fallback's own limits apply when used.
        Admission admission = limiters.admit(
            List.of(RateLimiters.Scope.model(model.name(), model.config().rateLimits())), estimatedTokens);
        if (admission instanceof Admission.Refused refused) {
          last = ApiError.rateLimited(refused.reason(), refused.kind(), refused.retryAfter());
          continue;
        }
        fallbackPermits.add((Permit) admission);
      }
      Attempt attempt = onModel(model, requests, stream);
      switch (attempt) {
        case Attempt.Success success -> {
          return new Result.Answered(model, success.lease(), success.latencyNanos(), success.reply(),
              fallbackPermits);
        }
        case Attempt.Final fin -> {
          fallbackPermits.forEach(Permit::close);
          return new Result.Failed(fin.error());
        }
        case Attempt.Exhausted exhausted -> {
          last = exhausted.error();
          LOG.warn("model {} gave up: {}", model.name(), last.message());
        }
      }
    }
    fallbackPermits.forEach(Permit::close);
    return new Result.Failed(last);
  }

  private sealed interface Attempt {
    record Success(Lease lease, long latencyNanos, Reply reply) implements Attempt {
    }

    /** An error no retry or fallback can fix. */
    record Final(ApiError error) implements Attempt {
    }

    record Exhausted(ApiError error) implements Attempt {
    }
  }

  private Attempt onModel(ModelRuntime model, RequestFactory requests, boolean stream) {
    ModelConfig config = model.config();
    RetryPolicy retry = config.retry();
    ApiError last = null;
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      if (attempt > 1) {
        Duration backoff = retry.backoffAfter(attempt - 1);
        if (last.retryAfter() != null && last.retryAfter().compareTo(backoff) > 0) {
          backoff = last.retryAfter().compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : last.retryAfter();
        }
        if (!sleep(backoff)) {
          return new Attempt.Exhausted(last);
        }
      }
      var leased = model.pool().acquire();
      if (leased.isEmpty()) {
        return new Attempt.Exhausted(last != null ? last : ApiError.upstreamUnavailable(
            "Every endpoint of model '" + model.name() + "' is ejected after repeated failures."));
      }
      Lease lease = leased.get();
      try {
        if (!lease.awaitSlot(config.timeout())) {
          lease.close(Outcome.NEUTRAL, 0);
          last = ApiError.upstreamTimeout("Model '" + model.name() + "' had no free connection within "
              + Durations.format(config.timeout()) + ".");
          continue;
        }
      } catch (InterruptedException e) {
        lease.close(Outcome.NEUTRAL, 0);
        Thread.currentThread().interrupt();
        return new Attempt.Final(ApiError.upstreamUnavailable("The proxy is shutting down."));
      }
      HttpRequest request = requests.build(model, lease.endpoint())
          .timeout(config.timeout())
          .version(lease.endpoint().config().url().getScheme().equals("http")
              ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
          .build();
      long started = System.nanoTime();
      Reply reply;
      try {
        reply = exchange(request, config.timeout(), stream);
      } catch (java.net.http.HttpConnectTimeoutException e) {
        lease.close(Outcome.FAILURE, System.nanoTime() - started);
        last = ApiError.upstreamUnavailable("Model '" + model.name() + "' could not be connected to in time.");
        continue;
      } catch (HttpTimeoutException | TimeoutException e) {
        lease.close(Outcome.FAILURE, System.nanoTime() - started);
        last = ApiError.upstreamTimeout("Model '" + model.name() + "' did not answer within "
            + Durations.format(config.timeout()) + ".");
        continue;
      } catch (IOException e) {
        lease.close(Outcome.FAILURE, System.nanoTime() - started);
        last = ApiError.upstreamUnavailable("Model '" + model.name() + "' could not be reached: "
            + e.getClass().getSimpleName());
        continue;
      } catch (InterruptedException e) {
        lease.close(Outcome.NEUTRAL, 0);
        Thread.currentThread().interrupt();
        return new Attempt.Final(ApiError.upstreamUnavailable("The proxy is shutting down."));
      }
      long latency = System.nanoTime() - started;
      int status = reply.status();
      if (status / 100 == 2) {
        return new Attempt.Success(lease, latency, reply);
      }
      byte[] body = reply.errorBody();
      lease.close(status >= 500 ? Outcome.FAILURE : status == 429 ? Outcome.NEUTRAL : Outcome.SUCCESS, latency);
      ApiError error = withRetryAfter(model.protocol().error(status, body), reply.headers());
      if (!retry.retryableStatusCodes().contains(status)) {
        return new Attempt.Final(clientFacing(model, error));
      }
      last = clientFacing(model, error);
    }
    return new Attempt.Exhausted(last);
  }

  /**
   * An upstream answer: the whole body for non-streaming requests, the open body stream for streaming ones
   * (the caller must close it).
   */
  record Reply(int status, HttpHeaders headers, byte[] body, InputStream stream) {
    byte[] errorBody() {
      if (stream == null) {
        return body.length > MAX_ERROR_BODY ? java.util.Arrays.copyOf(body, MAX_ERROR_BODY) : body;
      }
      try (InputStream in = stream) {
        return in.readNBytes(MAX_ERROR_BODY);
      } catch (IOException e) {
        return new byte[0];
      }
    }
  }

  private Reply exchange(HttpRequest request, Duration timeout, boolean stream)
      throws IOException, InterruptedException, TimeoutException {
    if (stream) {
      // Until the headers arrive the request timeout applies; the body then flows as the upstream writes it.
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      return new Reply(response.statusCode(), response.headers(), null, response.body());
    }
    // A whole non-streaming answer must arrive within the timeout, not just its headers.
    var future = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    try {
      HttpResponse<byte[]> response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return new Reply(response.statusCode(), response.headers(), response.body(), null);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getCause());
    } catch (CancellationException e) {
      throw new IOException(e);
    }
  }

  /**
   * What the client sees of an upstream error: its own mistakes as they are, but never the upstream's view of
   * the proxy's credentials, and server failures as a gateway error.
   */
  private static ApiError clientFacing(ModelRuntime model, ApiError upstream) {
    return switch (upstream.status()) {
      case 401, 403 -> ApiError.upstreamUnavailable("Model '" + model.name()
          + "' refused the proxy's upstream credentials; ask the operator of this proxy to check them.");
      case 429 -> ApiError.rateLimited("Model '" + model.name() + "' is rate limited upstream: "
          + upstream.message(), "requests", upstream.retryAfter() != null ? upstream.retryAfter()
          : Duration.ofSeconds(1));
      default -> upstream.status() >= 500
          ? new ApiError(502, "Model '" + model.name() + "' failed upstream (HTTP " + upstream.status() + "): "
              + upstream.message(), "server_error", null, "upstream_error", null)
          : upstream;
    };
  }

  private static ApiError withRetryAfter(ApiError error, HttpHeaders headers) {
    return headers.firstValue("retry-after").flatMap(UpstreamAttempts::seconds)
        .map(after -> new ApiError(error.status(), error.message(), error.type(), error.param(), error.code(), after))
        .orElse(error);
  }

  private static Optional<Duration> seconds(String value) {
    try {
      return Optional.of(Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000)));
    } catch (NumberFormatException httpDate) {
      return Optional.empty();
    }
  }

  private static boolean sleep(Duration backoff) {
    try {
      Thread.sleep(backoff);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
