package io.langop.proxy.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.proxy.config.ClientKey;
import io.langop.proxy.gateway.Exchange;
import io.langop.proxy.gateway.Gateway;
import io.langop.proxy.gateway.ModelCalls;
import io.langop.proxy.gateway.ModelCalls.Operation;
import io.langop.proxy.gateway.ModelRuntime;
import io.langop.proxy.openai.ApiError;
import io.langop.proxy.openai.InvalidRequestException;
import io.langop.proxy.openai.Json;
import io.langop.proxy.usage.UsageLedger;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenAI-compatible HTTP surface: {@code POST /v1/chat/completions}, {@code POST /v1/embeddings},
 * {@code GET /v1/models} and {@code GET /usage}. Everything that goes wrong answers OpenAI's error shape.
 */
public final class ProxyServlet extends HttpServlet {

  private static final Logger LOG = LoggerFactory.getLogger(ProxyServlet.class);
  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.UTF_8);
  private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.UTF_8);

  private final transient Supplier<Gateway> gateway;
  private final transient ModelCalls calls;
  private final transient UsageLedger ledger;
  private final int maxRequestsInProgress;
  private final AtomicInteger inProgress = new AtomicInteger();

  /**
   * @param maxRequestsInProgress model calls (chat, embeddings) served at once; more are answered 503 at once. Without
   *     a bound an overloaded proxy queues until clients give up and the server's idle timeout closes their
   *     connections without an answer.
   */
  public ProxyServlet(Supplier<Gateway> gateway, ModelCalls calls, UsageLedger ledger, int maxRequestsInProgress) {
    this.gateway = gateway;
    this.calls = calls;
    this.ledger = ledger;
    this.maxRequestsInProgress = maxRequestsInProgress;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getRequestURI();
    ServletExchange exchange = new ServletExchange(response);
    try {
      switch (path) {
        case "/v1/chat/completions", "/chat/completions" -> admitted(request, exchange, Operation.CHAT);
        case "/v1/embeddings", "/embeddings" -> admitted(request, exchange, Operation.EMBEDDINGS);
        case "/v1/models", "/models" -> get(request, exchange, () -> models(request, exchange));
        case "/usage" -> get(request, exchange, () -> exchange.json(200, Map.of(),
            Json.MAPPER.writeValueAsBytes(ledger.snapshot())));
        default -> exchange.error(ApiError.notFound(path));
      }
    } catch (RuntimeException e) {
      // A bug must not show the client a stack trace; the log has it.
      LOG.error("request to {} failed", path, e);
      if (!response.isCommitted()) {
        exchange.error(new ApiError(500, "The proxy failed to handle the request.", "server_error", null, null,
            null));
      }
    }
  }

  private interface Action {
    void run() throws IOException;
  }

  private static void get(HttpServletRequest request, ServletExchange exchange, Action action) throws IOException {
    if (!request.getMethod().equals("GET")) {
      exchange.error(ApiError.methodNotAllowed(request.getMethod(), request.getRequestURI()));
      return;
    }
    action.run();
  }

  private void models(HttpServletRequest request, ServletExchange exchange) throws IOException {
    Gateway current = gateway.get();
    if (authenticate(request, current, exchange).isEmpty()) {
      return;
    }
    ObjectNode list = Json.object().put("object", "list");
    ArrayNode data = list.putArray("data");
    for (ModelRuntime model : current.models()) {
      data.addObject().put("id", model.name()).put("object", "model").put("created", 0)
          .put("owned_by", model.config().provider().wireName());
    }
    exchange.json(200, Map.of(), Json.bytes(list));
  }

  private void admitted(HttpServletRequest request, ServletExchange exchange, Operation operation)
      throws IOException {
    if (!request.getMethod().equals("POST")) {
      exchange.error(ApiError.methodNotAllowed(request.getMethod(), request.getRequestURI()));
      return;
    }
    if (inProgress.incrementAndGet() > maxRequestsInProgress) {
      inProgress.decrementAndGet();
      ledger.recordError("unknown", Gateway.ANONYMOUS, 503);
      exchange.error(ApiError.overloaded(maxRequestsInProgress));
      return;
    }
    try {
      post(request, exchange, operation);
    } finally {
      inProgress.decrementAndGet();
    }
  }

  private void post(HttpServletRequest request, ServletExchange exchange, Operation operation) throws IOException {
    Gateway current = gateway.get();
    Optional<Optional<ClientKey>> client = authenticate(request, current, exchange);
    if (client.isEmpty()) {
      return;
    }
    long limit = current.config().maxRequestBytes();
    if (request.getContentLengthLong() > limit) {
      exchange.error(ApiError.tooLarge(limit));
      return;
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    }
    if (body.length > limit) {
      exchange.error(ApiError.tooLarge(limit));
      return;
    }
    JsonNode parsed;
    try {
      parsed = Json.read(body);
    } catch (JsonProcessingException e) {
      exchange.error(ApiError.invalidRequest("We could not parse the JSON body of your request: "
          + e.getOriginalMessage(), null, "invalid_json"));
      return;
    }
    try {
      if (parsed == null || parsed.isMissingNode()) {
        throw InvalidRequestException.of("The request body is empty; it must be a JSON object.", null);
      }
      ModelCalls.validate(operation, parsed);
    } catch (InvalidRequestException e) {
      exchange.error(e.error());
      return;
    }
    calls.serve(operation, (ObjectNode) parsed, body.length, client.get().orElse(null), exchange);
  }

  /**
   * @return empty when the request was refused (the error is sent), otherwise the client (empty when the
   *     proxy has no client keys)
   */
  private static Optional<Optional<ClientKey>> authenticate(HttpServletRequest request, Gateway gateway,
      ServletExchange exchange) throws IOException {
    if (!gateway.requiresClientKey()) {
      return Optional.of(Optional.empty());
    }
    String authorization = request.getHeader("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      exchange.error(ApiError.invalidApiKey("You didn't provide an API key. Provide it in the Authorization "
          + "header as 'Bearer <key>'."));
      return Optional.empty();
    }
    Optional<ClientKey> client = gateway.client(authorization.substring(7).strip());
    if (client.isEmpty()) {
      exchange.error(ApiError.invalidApiKey("Incorrect API key provided."));
      return Optional.empty();
    }
    return Optional.of(client);
  }

  /** Writes answers onto the servlet response. */
  private static final class ServletExchange implements Exchange {
    private final HttpServletResponse response;

    ServletExchange(HttpServletResponse response) {
      this.response = response;
    }

    @Override
    public void json(int status, Map<String, String> headers, byte[] body) throws IOException {
      response.setStatus(status);
      headers.forEach(response::setHeader);
      response.setContentType("application/json");
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }

    @Override
    public void error(ApiError error) throws IOException {
      if (error.retryAfter() != null) {
        response.setHeader("Retry-After", Long.toString(error.retryAfterSeconds()));
      }
      json(error.status(), Map.of(), Json.bytes(error.toJson()));
    }

    @Override
    public EventSink events(Map<String, String> headers) throws IOException {
      response.setStatus(200);
      headers.forEach(response::setHeader);
      response.setContentType("text/event-stream");
      response.setCharacterEncoding("UTF-8");
      response.setHeader("Cache-Control", "no-cache");
      response.setHeader("X-Accel-Buffering", "no");
      ServletOutputStream out = response.getOutputStream();
      response.flushBuffer();
      return new EventSink() {
        @Override
        public void send(String data) throws IOException {
          out.write(DATA);
          out.write(data.getBytes(StandardCharsets.UTF_8));
          out.write(EVENT_END);
        }

        @Override
        public void flush() throws IOException {
          out.flush();
        }
      };
    }
  }
}
