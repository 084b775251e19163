package io.langop.console.testing;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An API server for the dashboard: fabric8's mock server in CRUD mode on a loopback socket with the langop.io
 * CRDs of the chart (so status is a subresource, as in a cluster) and the pods' logs the test sets. The mock
 * answers a log request whole, so a followed log ends where the text ends; every path asked is recorded.
 */
public final class TestKubernetes implements AutoCloseable {

    private static final Path CRDS = Path.of("../charts/language-operator/crds");
    private static final Pattern LOG = Pattern.compile("^/api/v1/namespaces/[^/]+/pods/([^/?]+)/log");

    // The mock server logs every request at INFO through java.util.logging. Held: loggers are kept weakly.
    @SuppressWarnings("UnusedVariable")
    private static final java.util.logging.Logger MOCK_SERVER_LOG = quiet();

    private final Map<String, String> logs = new ConcurrentHashMap<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final KubernetesMockServer server;
    private final KubernetesClient client;

    public TestKubernetes() {
        KubernetesCrudDispatcher store = new KubernetesCrudDispatcher();
        Dispatcher dispatcher = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                paths.add(request.getMethod() + " " + request.getPath());
                Matcher log = LOG.matcher(request.getPath());
                if (log.find()) {
                    String text = logs.get(log.group(1));
                    return text == null
                            ? new MockResponse().setResponseCode(404)
                            : new MockResponse().setResponseCode(200).setBody(text);
                }
                return store.dispatch(request);
            }

            @Override
            public void shutdown() {
                store.shutdown();
            }
        };
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init();
        client = server.createClient();
        installCrds();
    }

    public KubernetesClient client() {
        return client;
    }

    /** What the log of {@code pod} reads, whole. */
    public void log(String pod, String text) {
        logs.put(pod, text);
    }

    /** Every request so far, as {@code METHOD path?query}. */
    public List<String> paths() {
        return List.copyOf(paths);
    }

    private void installCrds() {
        try (Stream<Path> files = Files.list(CRDS)) {
            for (Path file : files.sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    CustomResourceDefinition crd =
                            client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
                    client.apiextensions()
                            .v1()
                            .customResourceDefinitions()
                            .resource(crd)
                            .create();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the chart's CRDs in " + CRDS.toAbsolutePath(), e);
        }
    }

    private static java.util.logging.Logger quiet() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
