package io.langop.operator.harness;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.langop.operator.crd.CrdInstaller;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The fabric8 mock API server in CRUD mode on a real socket (its store indexed by
 * {@link IndexedCrudDispatcher}, so it answers in constant time per request), with the langop.io CRDs installed
 * through {@link CrdInstaller} (so status subresources behave as in a cluster) and every request
 * recorded in {@link #requests()}.
 */
public final class MockApiServer implements AutoCloseable {

    // The mock server logs every request at INFO through java.util.logging; the request log replaces that.
    // Held, never read: java.util.logging keeps loggers weakly, and a collected one forgets its level.
    @SuppressWarnings("UnusedVariable")
    private static final java.util.logging.Logger MOCK_SERVER_LOG = quiet("io.fabric8.mockwebserver");

    private final ApiRequests requests = new ApiRequests();
    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    private final List<Stall> stalls = new CopyOnWriteArrayList<>();
    private final KubernetesMockServer server;
    private final KubernetesClient client;

    private MockApiServer() {
        this(new IndexedCrudDispatcher());
    }

    private MockApiServer(KubernetesCrudDispatcher store) {
        Dispatcher dispatcher = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.record(request.getMethod(), request.getPath(), request.getHeader("User-Agent"));
                if (!refusals.isEmpty()) {
                    Incoming incoming = Incoming.of(request);
                    for (Refusal refusal : refusals) {
                        if (refusal.refuses(incoming)) {
                            return refusal.response();
                        }
                    }
                }
                MockResponse response = store.dispatch(request);
                if (response.getWebSocketListener() != null) {
                    response.withWebSocketUpgrade(
                            requests.openWatch(request.getPath(), response.getWebSocketListener()));
                }
                for (Stall stall : stalls) {
                    if (stall.method().equals(request.getMethod())
                            && request.getPath().contains(stall.pathPart())) {
                        response.setBodyDelay(stall.delay());
                    }
                }
                return response;
            }

            @Override
            public void shutdown() {
                store.shutdown();
            }
        };
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init();
        client = server.createClient();
    }

    /** Starts a server as a fresh cluster: no langop.io CRDs yet. */
    public static MockApiServer startEmpty() {
        return new MockApiServer();
    }

    /** Starts fabric8's own CRUD server, unindexed: the reference {@link IndexedCrudDispatcher} is held to. */
    static MockApiServer startStock() {
        return new MockApiServer(new KubernetesCrudDispatcher());
    }

    /** Starts a server holding the langop.io CRDs. */
    public static MockApiServer start() {
        MockApiServer api = new MockApiServer();
        new CrdInstaller(api.client).install();
        return api;
    }

    public KubernetesClient client() {
        return client;
    }

    /** Another client of the same server whose requests carry {@code userAgent}, to tell them apart. */
    public KubernetesClient newClient(String userAgent) {
        return server.createClient(
                builder -> builder.editOrNewConfig().withUserAgent(userAgent).endConfig());
    }

    /**
     * Until the returned refusal is closed, answers a {@code method} request whose path contains {@code
     * pathPart} with an error {@code Status} instead of storing anything: what an admission webhook, a
     * quota or missing RBAC does in a cluster.
     */
    public Refusal refuse(String method, String pathPart, int code, String reason, String message) {
        return refuseWhere(
                request -> request.method().equals(method) && request.path().contains(pathPart), code, reason, message);
    }

    /**
     * Until the returned stall is closed, carries out a {@code method} request whose path contains {@code pathPart}
     * and answers it {@code delay} later: a slow or overloaded API server.
     */
    public AutoCloseable stall(String method, String pathPart, Duration delay) {
        Stall stall = new Stall(method, pathPart, delay);
        stalls.add(stall);
        return () -> stalls.remove(stall);
    }

    private record Stall(String method, String pathPart, Duration delay) {}

    /** {@link #refuse} for the requests {@code which} selects, e.g. by their body. */
    public Refusal refuseWhere(Predicate<Incoming> which, int code, String reason, String message) {
        String body = client.getKubernetesSerialization()
                .asJson(new StatusBuilder()
                        .withStatus("Failure")
                        .withCode(code)
                        .withReason(reason)
                        .withMessage(message)
                        .build());
        Refusal refusal = new Refusal(which, code, body);
        refusals.add(refusal);
        return refusal;
    }

    /** A request a refusal looks at; reading the body here leaves it for the store. */
    public record Incoming(String method, String path, String body) {
        static Incoming of(RecordedRequest request) {
            String body = request.getBody() == null
                    ? ""
                    : new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
            return new Incoming(request.getMethod(), request.getPath(), body);
        }
    }

    /** A refusal in force; closing it lets such requests through again. */
    public final class Refusal implements AutoCloseable {
        private final Predicate<Incoming> which;
        private final int code;
        private final String body;

        private Refusal(Predicate<Incoming> which, int code, String body) {
            this.which = which;
            this.code = code;
            this.body = body;
        }

        private boolean refuses(Incoming request) {
            return which.test(request);
        }

        private MockResponse response() {
            return new MockResponse()
                    .setResponseCode(code)
                    .setHeader("Content-Type", "application/json")
                    .setBody(body);
        }

        @Override
        public void close() {
            refusals.remove(this);
        }
    }

    public ApiRequests requests() {
        return requests;
    }

    public void createNamespace(String name) {
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .build())
                .create();
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
