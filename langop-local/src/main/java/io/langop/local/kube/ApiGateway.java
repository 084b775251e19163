package io.langop.local.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API server kubectl talks to in {@code langop local}: a loopback HTTP server in front of the in-memory store
 * (fabric8's mock API server in CRUD mode), adding what the store lacks and kubectl needs: discovery ({@code /api},
 * {@code /apis}, {@code /version}, every group version's resources with short names and categories), Tables with
 * printer columns, watches over plain HTTP, field selectors on any field, strategic merge patches, Status answers
 * that name what was not found, pod logs and the service proxy ({@link ServiceProxy}). Everything else goes to the store as it came. The operator talks to
 * the store directly; both see the same objects.
 */
public final class ApiGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiGateway.class);
    private static final Pattern GROUP_VERSION = Pattern.compile("/api/(v1)/?|/apis/([^/]+)/([^/]+)/?");
    private static final String JSON_TYPE = "application/json";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");
    /** How often a followed log is looked at for new output. */
    private static final Duration FOLLOW_POLL = Duration.ofMillis(250);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final URI backend;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private final Discovery discovery;
    private final OpenApi openApi;
    private final ResourceTables tables;
    private final WatchStream watches;
    private final PodLogs logs;
    private final ServiceProxy services;
    private final CustomResourceAdmission admission;

    private ApiGateway(HttpServer server, KubernetesClient store, PodLogs logs, ServiceProxy.ServicePorts ports) {
        this.server = server;
        this.backend = URI.create(stripSlash(store.getMasterUrl().toString()));
        this.discovery = new Discovery(store, json);
        this.openApi = new OpenApi(discovery, json);
        this.tables = new ResourceTables(json, Clock.systemUTC());
        this.watches = new WatchStream(http, json, tables);
        this.logs = logs;
        this.services = new ServiceProxy(store, ports, http);
        this.admission = new CustomResourceAdmission(store, json);
    }

    /**
     * Starts the gateway on a free loopback port.
     *
     * @param store the client of the in-memory store (its URL is where requests go)
     * @param logs  where each container's log is
     * @param ports the loopback port standing for each Service's port, for the service proxy
     */
    public static ApiGateway start(KubernetesClient store, PodLogs logs, ServiceProxy.ServicePorts ports) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ApiGateway gateway = new ApiGateway(server, store, logs, ports);
            server.setExecutor(gateway.threads);
            server.createContext("/", gateway::handle);
            server.start();
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port for the API server", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, for a kubeconfig. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            route(exchange);
        } catch (IOException | RuntimeException failed) {
            LOG.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), failed);
            try {
                sendStatus(exchange, 500, "InternalError", "langop local's API server failed: " + describe(failed));
            } catch (IOException | RuntimeException alreadyAnswering) {
                // the response had begun; the client sees the connection end
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private void route(HttpExchange exchange) throws IOException, InterruptedException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Query query = Query.parse(exchange.getRequestURI().getRawQuery());
        if (method.equals("GET")) {
            Optional<JsonNode> discovered = discover(exchange, path);
            if (discovered.isPresent()) {
                send(exchange, 200, discovered.get());
                return;
            }
        }
        Optional<ServiceProxy.Target> proxied = ServiceProxy.target(path);
        if (proxied.isPresent()) {
            Optional<ServiceProxy.Refusal> refused = services.forward(proxied.get(), exchange);
            if (refused.isPresent()) {
                sendStatus(
                        exchange,
                        refused.get().code(),
                        refused.get().reason(),
                        refused.get().message());
            }
            return;
        }
        Optional<ApiPath> parsed = ApiPath.parse(path);
        if (parsed.isEmpty()) {
            sendStatus(exchange, 404, "NotFound", "the server could not find the requested resource " + path);
            return;
        }
        ApiPath api = parsed.get();
        Optional<ApiResource> found = discovery.find(api.group(), api.version(), api.resource());
        if (found.isEmpty()) {
            sendStatus(
                    exchange,
                    404,
                    "NotFound",
                    "the server does not serve " + api.resource() + " in " + api.groupVersion());
            return;
        }
        ApiResource resource = found.get();
        if (method.equals("GET") && query.isTrue("watch")) {
            watch(exchange, api, resource, query);
        } else if (method.equals("GET")
                && api.subresource().filter("log"::equals).isPresent()) {
            podLog(exchange, api, query);
        } else if (method.equals("GET")) {
            get(exchange, api, resource, query);
        } else if (WRITES.contains(method) && api.subresource().isEmpty() && CustomResourceAdmission.covers(resource)) {
            Optional<JsonNode> object = objectToStore(exchange, api, resource);
            if (object.isPresent()) {
                admitAndStore(exchange, resource, query, object.get());
            }
        } else if (method.equals("PATCH") && contentType(exchange).startsWith(Patches.STRATEGIC_MERGE)) {
            Optional<JsonNode> object = objectToStore(exchange, api, resource);
            if (object.isPresent()) {
                store(exchange, query, object.get());
            }
        } else {
            HttpResponse<byte[]> response = send(
                    method,
                    path + query.toQueryString(),
                    contentType(exchange),
                    exchange.getRequestBody().readAllBytes());
            if (response.statusCode() == 404 && response.body().length == 0) {
                sendStatus(exchange, 404, "NotFound", notFound(api, resource));
            } else {
                relay(exchange, response);
            }
        }
    }

    private Optional<JsonNode> discover(HttpExchange exchange, String path) {
        String trimmed = path.length() > 1 ? stripSlash(path) : path;
        switch (trimmed) {
            case "/version" -> {
                return Optional.of(discovery.version());
            }
            case "/api" -> {
                return Optional.of(discovery.coreVersions(
                        "127.0.0.1:" + exchange.getLocalAddress().getPort()));
            }
            case "/apis" -> {
                return Optional.of(discovery.groups());
            }
            case OpenApi.ROOT -> {
                return Optional.of(openApi.index());
            }
            default -> {
                if (trimmed.startsWith(OpenApi.ROOT + "/")) {
                    return openApi.groupVersion(trimmed.substring(OpenApi.ROOT.length() + 1));
                }
                Matcher groupVersion = GROUP_VERSION.matcher(path);
                if (!groupVersion.matches()) {
                    return Optional.empty();
                }
                return groupVersion.group(1) != null
                        ? discovery.resourceList("", "v1")
                        : discovery.resourceList(groupVersion.group(2), groupVersion.group(3));
            }
        }
    }

    private void get(HttpExchange exchange, ApiPath api, ApiResource resource, Query query)
            throws IOException, InterruptedException {
        FieldSelector selector = FieldSelector.parse(query.get("fieldSelector").orElse(null));
        HttpResponse<byte[]> response = send(
                "GET",
                exchange.getRequestURI().getRawPath()
                        + query.without("fieldSelector", "includeObject").toQueryString(),
                null,
                null);
        if (response.statusCode() == 404) {
            sendStatus(exchange, 404, "NotFound", notFound(api, resource));
            return;
        }
        if (response.statusCode() != 200) {
            relay(exchange, response);
            return;
        }
        JsonNode body = json.readTree(response.body());
        if (api.isCollection()) {
            body = listOf(resource, body, selector);
        }
        if (accepts(exchange, "as=Table")) {
            List<JsonNode> items = new ArrayList<>();
            (api.isCollection() ? body.path("items") : json.createArrayNode().add(body)).forEach(items::add);
            String version = body.path("metadata").path("resourceVersion").asText("");
            body = tables.table(
                    resource,
                    items,
                    version,
                    ResourceTables.IncludeObject.of(query.get("includeObject").orElse(null)),
                    true);
        }
        send(exchange, 200, body);
    }

    /** The store answers a plain {@code List}; kubectl expects {@code <Kind>List} of the group version. */
    private ObjectNode listOf(ApiResource resource, JsonNode stored, FieldSelector selector) {
        ObjectNode list = json.createObjectNode()
                .put("apiVersion", resource.groupVersion())
                .put("kind", resource.kind() + "List");
        list.putObject("metadata")
                .put(
                        "resourceVersion",
                        stored.path("metadata").path("resourceVersion").asText(""));
        ArrayNode items = list.putArray("items");
        for (JsonNode item : stored.path("items")) {
            if (selector.matches(item)) {
                items.add(item);
            }
        }
        return list;
    }

    private void watch(HttpExchange exchange, ApiPath api, ApiResource resource, Query query)
            throws IOException, InterruptedException {
        FieldSelector selector = FieldSelector.parse(query.get("fieldSelector").orElse(null));
        String storePath = exchange.getRequestURI().getRawPath()
                + query.without(
                                "fieldSelector",
                                "watch",
                                "resourceVersion",
                                "allowWatchBookmarks",
                                "timeoutSeconds",
                                "includeObject",
                                "sendInitialEvents",
                                "resourceVersionMatch")
                        .with("watch", "true")
                        .toQueryString();
        URI socket = URI.create(backend.toString().replaceFirst("^http", "ws") + storePath);
        long afterVersion = query.get("resourceVersion").map(ApiGateway::number).orElse(0L);
        Duration timeout = Duration.ofSeconds(
                query.get("timeoutSeconds").map(ApiGateway::number).orElse(0L));
        Optional<ResourceTables.IncludeObject> table = accepts(exchange, "as=Table")
                ? Optional.of(ResourceTables.IncludeObject.of(
                        query.get("includeObject").orElse(null)))
                : Optional.empty();
        exchange.getResponseHeaders().set("Content-Type", JSON_TYPE);
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            watches.stream(new WatchStream.Request(socket, resource, selector, afterVersion, table, timeout), out);
        } catch (IOException clientLeft) {
            LOG.debug("watch of {} ended: {}", api.collectionPath(), clientLeft.toString());
        }
    }

    private void podLog(HttpExchange exchange, ApiPath api, Query query) throws IOException {
        String namespace = api.namespace().orElse("default");
        String pod = api.name().orElseThrow();
        Optional<Path> log = logs.find(namespace, pod, query.get("container"));
        if (log.isEmpty()) {
            sendStatus(
                    exchange,
                    404,
                    "NotFound",
                    "no log of pod " + namespace + "/" + pod
                            + query.get("container").map(c -> " container " + c).orElse("")
                            + ": it has not run here (see kubectl get pods -n " + namespace + ")");
            return;
        }
        byte[] text = Files.readAllBytes(log.get());
        int tail = query.get("tailLines").map(lines -> (int) number(lines)).orElse(-1);
        byte[] shown = tail >= 0 ? PodLogs.lastLines(text, tail) : text;
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        if (!query.isTrue("follow")) {
            exchange.sendResponseHeaders(200, shown.length == 0 ? -1 : shown.length);
            if (shown.length > 0) {
                exchange.getResponseBody().write(shown);
            }
            return;
        }
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(shown);
            out.flush();
            follow(log.get(), text.length, () -> logs.running(namespace, pod, query.get("container")), out);
        } catch (IOException clientLeft) {
            LOG.debug("log of {}/{} no longer followed: {}", namespace, pod, clientLeft.toString());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code kubectl logs -f}: what the container writes after {@code from}, as it writes it, until it no longer
     * runs (the rest of the file then) or the client leaves.
     */
    private static void follow(Path log, long from, java.util.function.BooleanSupplier running, OutputStream out)
            throws IOException, InterruptedException {
        long at = from;
        while (true) {
            boolean stillRunning = running.getAsBoolean();
            try (var file = Files.newByteChannel(log)) {
                if (file.size() > at) {
                    file.position(at);
                    java.nio.ByteBuffer more = java.nio.ByteBuffer.allocate((int) Math.min(file.size() - at, 1 << 20));
                    at += file.read(more);
                    out.write(more.array(), 0, more.position());
                    out.flush();
                    continue;
                }
            }
            if (!stillRunning) {
                return;
            }
            Thread.sleep(FOLLOW_POLL);
        }
    }

    /**
     * The object a create, replace or patch asks to store: the body, or for a patch the stored object with the patch
     * applied (the store knows JSON and merge patches but not strategic ones, and admission must see the result),
     * carrying the resource version it was read at, so a concurrent change is refused as a conflict. Empty when the
     * request has been answered already (not JSON, not found, a patch that does not apply).
     */
    private Optional<JsonNode> objectToStore(HttpExchange exchange, ApiPath api, ApiResource resource)
            throws IOException, InterruptedException {
        String method = exchange.getRequestMethod();
        JsonNode body;
        try {
            body = json.readTree(exchange.getRequestBody());
        } catch (JsonProcessingException notJson) {
            sendStatus(exchange, 400, "BadRequest", "the body is not JSON: " + notJson.getOriginalMessage());
            return Optional.empty();
        }
        if (body == null || !body.isContainerNode()) {
            sendStatus(exchange, 400, "BadRequest", "the body of a " + method + " must be a JSON object or patch");
            return Optional.empty();
        }
        if (!method.equals("PATCH")) {
            return Optional.of(body);
        }
        HttpResponse<byte[]> current = send("GET", exchange.getRequestURI().getRawPath(), null, null);
        if (current.statusCode() == 404) {
            sendStatus(exchange, 404, "NotFound", notFound(api, resource));
            return Optional.empty();
        }
        if (current.statusCode() != 200) {
            relay(exchange, current);
            return Optional.empty();
        }
        JsonNode stored = json.readTree(current.body());
        Optional<JsonNode> patched;
        try {
            patched = Patches.apply(contentType(exchange), stored, body);
        } catch (IllegalArgumentException badPatch) {
            sendStatus(exchange, 422, "Invalid", badPatch.getMessage());
            return Optional.empty();
        }
        if (patched.isEmpty()) {
            sendStatus(
                    exchange,
                    415,
                    "UnsupportedMediaType",
                    "langop local applies JSON patches, merge patches and strategic merge patches, not "
                            + contentType(exchange) + " (kubectl apply without --server-side works)");
            return Optional.empty();
        }
        patched.get().withObject("/metadata").set("resourceVersion", stored.at("/metadata/resourceVersion"));
        return patched;
    }

    /** A custom resource is stored only as its CRD admits it: defaulted, pruned, valid. */
    private void admitAndStore(HttpExchange exchange, ApiResource resource, Query query, JsonNode object)
            throws IOException, InterruptedException {
        CustomResourceAdmission.Verdict verdict = admission.admit(
                resource, object, CustomResourceAdmission.FieldValidation.of(query.get("fieldValidation")));
        switch (verdict) {
            case CustomResourceAdmission.Verdict.Refused refused ->
                sendStatus(exchange, refused.code(), refused.reason(), refused.message(), refused.details());
            case CustomResourceAdmission.Verdict.Admitted admitted -> {
                for (String warning : admitted.warnings()) {
                    // a warn-code 299 header, which kubectl prints as "Warning: ..."
                    exchange.getResponseHeaders().add("Warning", "299 - " + json.writeValueAsString(warning));
                }
                store(exchange, query, admitted.object());
            }
        }
    }

    /** Creates (POST) or replaces (PUT, and a patch worked out here) the whole object in the store. */
    private void store(HttpExchange exchange, Query query, JsonNode object) throws IOException, InterruptedException {
        String method = exchange.getRequestMethod().equals("POST") ? "POST" : "PUT";
        relay(
                exchange,
                send(
                        method,
                        exchange.getRequestURI().getRawPath() + query.toQueryString(),
                        JSON_TYPE,
                        json.writeValueAsBytes(object)));
    }

    private HttpResponse<byte[]> send(String method, String pathAndQuery, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", JSON_TYPE)
                .method(
                        method,
                        body == null || body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null && !contentType.isEmpty() && body != null && body.length > 0) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void relay(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
        byte[] body = response.body();
        if (response.statusCode() >= 400 && body.length == 0) {
            sendStatus(
                    exchange,
                    response.statusCode(),
                    "Unknown",
                    "the API server answered HTTP " + response.statusCode() + " without saying why");
            return;
        }
        exchange.getResponseHeaders()
                .set(
                        "Content-Type",
                        response.headers().firstValue("Content-Type").orElse(JSON_TYPE));
        exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", JSON_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void sendStatus(HttpExchange exchange, int code, String reason, String message) throws IOException {
        sendStatus(exchange, code, reason, message, null);
    }

    private void sendStatus(HttpExchange exchange, int code, String reason, String message, ObjectNode details)
            throws IOException {
        ObjectNode status = json.createObjectNode()
                .put("kind", "Status")
                .put("apiVersion", "v1")
                .put("status", "Failure")
                .put("message", message)
                .put("reason", reason)
                .put("code", code);
        status.putObject("metadata");
        if (details != null) {
            status.set("details", details);
        }
        send(exchange, code, status);
    }

    /** As the API server words it: {@code languageagents.langop.io "digest" not found}. */
    private static String notFound(ApiPath api, ApiResource resource) {
        String qualified = resource.group().isEmpty() ? resource.plural() : resource.plural() + "." + resource.group();
        return api.name().map(name -> qualified + " \"" + name + "\" not found").orElse(qualified + " not found");
    }

    private static boolean accepts(HttpExchange exchange, String part) {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        return accept != null && accept.contains(part);
    }

    private static String contentType(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        return type == null ? "" : type.toLowerCase(Locale.ROOT);
    }

    /** A query parameter's number; 0 when it is none. */
    private static long number(String number) {
        try {
            return Long.parseLong(number);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private static String stripSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static String describe(Exception failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        http.close();
    }
}
