package io.langop.proxy.upstream;

import io.langop.proxy.routing.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Sends upstream requests with Jetty's asynchronous HTTP client (HTTP/1.1, pooled keep-alive connections). Its
 * responses complete on its own selector threads, which hand the result straight to the waiting request thread:
 * one hop per answer, where the JDK client queued every completion through a single selector thread.
 */
public final class UpstreamClient implements AutoCloseable {

  /** Largest whole (non-streaming) answer accepted from an upstream. */
  static final int MAX_ANSWER_BYTES = 256 * 1024 * 1024;
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final HttpClient http;

  public UpstreamClient(Duration connectTimeout) {
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("proxy-upstream");
    threads.setDaemon(true);
    http = new HttpClient();
    http.setExecutor(threads);
    http.setConnectTimeout(connectTimeout.toMillis());
    http.setFollowRedirects(false);
    // The upstream connection slots per endpoint are bounded by Endpoint; the client must not queue behind them.
    http.setMaxConnectionsPerDestination(Endpoint.MAX_IN_FLIGHT);
    http.setMaxRequestsQueuedPerDestination(Endpoint.MAX_IN_FLIGHT * 4);
    http.setUserAgentField(null);
    // Clients share the proxy; one client's upstream cookies must not travel with another's requests.
    http.setHttpCookieStore(new HttpCookieStore.Empty());
    try {
      http.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the upstream HTTP client", e);
    }
    // Bytes go through as the upstream sent them: no transparent gzip (it would buffer streams), no handling
    // of the upstream's 401s, 3xx or 1xx. Starting installs these defaults, so they are removed afterwards.
    http.getContentDecoderFactories().clear();
    http.getProtocolHandlers().clear();
  }

  /**
   * An upstream answer: the whole body for non-streaming requests, the open body stream for streaming ones (the
   * caller must close it; closing it early aborts the upstream request).
   *
   * @param retryAfter the upstream's {@code Retry-After} header, or null
   */
  public record Reply(int status, String retryAfter, byte[] body, InputStream stream) {
    /** The start of an error answer's body (the stream is consumed and closed). */
    public byte[] errorBody() {
      if (stream == null) {
        return body.length > MAX_ERROR_BODY ? Arrays.copyOf(body, MAX_ERROR_BODY) : body;
      }
      try (InputStream in = stream) {
        return in.readNBytes(MAX_ERROR_BODY);
      } catch (IOException e) {
        return new byte[0];
      }
    }
  }

  /**
   * Sends {@code request} and waits for the answer: the whole body within {@code timeout}, or for streams the
   * headers within {@code timeout} (the body then flows as the upstream writes it).
   *
   * @throws UpstreamTimeoutException when the upstream did not answer in time
   * @throws IOException when the upstream could not be reached or broke the connection
   */
  public Reply send(UpstreamRequest request, Duration timeout, boolean stream)
      throws IOException, InterruptedException {
    Request upstream = http.newRequest(request.uri())
        .method(HttpMethod.POST)
        .headers(headers -> {
          request.headers().forEach(headers::put);
        })
        .body(new BytesRequestContent("application/json", request.body()))
        // Jetty's default (30 s of silence) would cut off a model that thinks longer; the model's timeout governs.
        // A stream's silence is policed by the caller's watchdog, which reports it; this is only a backstop.
        .idleTimeout(stream ? timeout.toNanos() * 2 : timeout.toNanos(), TimeUnit.NANOSECONDS);
    if (stream) {
      InputStreamResponseListener listener = new InputStreamResponseListener();
      upstream.send(listener);
      try {
        Response response = listener.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        return new Reply(response.getStatus(), response.getHeaders().get(HttpHeader.RETRY_AFTER), null,
            listener.getInputStream());
      } catch (TimeoutException e) {
        upstream.abort(e);
        throw new UpstreamTimeoutException(false);
      } catch (ExecutionException e) {
        throw failure(e.getCause());
      }
    }
    // A whole answer must arrive within the timeout, not just its headers.
    upstream.timeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
    CompletableFuture<ContentResponse> answer = new CompletableResponseListener(upstream, MAX_ANSWER_BYTES).send();
    try {
      ContentResponse response = answer.get();
      return new Reply(response.getStatus(), response.getHeaders().get(HttpHeader.RETRY_AFTER),
          response.getContent(), null);
    } catch (InterruptedException e) {
      upstream.abort(e);
      throw e;
    } catch (ExecutionException e) {
      throw failure(e.getCause());
    } catch (CancellationException e) {
      throw new IOException(e);
    }
  }

  private static IOException failure(Throwable cause) {
    if (cause instanceof TimeoutException) {
      return new UpstreamTimeoutException(false);
    }
    if (cause instanceof SocketTimeoutException) {
      // Jetty reports a connect that did not complete within the connect timeout this way.
      return new UpstreamTimeoutException(true);
    }
    if (cause instanceof IOException io) {
      return io;
    }
    return new IOException(cause);
  }

  /** The upstream did not answer (or accept the connection) in time. */
  public static final class UpstreamTimeoutException extends IOException {
    private final boolean connecting;

    UpstreamTimeoutException(boolean connecting) {
      super(connecting ? "connect timeout" : "answer timeout");
      this.connecting = connecting;
    }

    /** True when the connection itself was not established in time. */
    public boolean connecting() {
      return connecting;
    }
  }

  @Override
  public void close() {
    try {
      http.stop();
    } catch (Exception e) {
      // stopping: connections are closed either way
    }
  }
}
