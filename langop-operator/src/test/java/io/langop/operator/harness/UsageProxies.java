package io.langop.operator.harness;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.operator.kube.KubeJson;
import io.langop.operator.reach.ServiceLocator;
import io.langop.operator.usage.ProxyClients;
import io.langop.proxy.config.ClientKey;
import io.langop.proxy.config.KeyDigests;
import io.langop.proxy.config.ProxyConfigFiles;
import io.langop.proxy.report.UsageReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for every model proxy's {@code GET /usage} on one loopback HTTP server, for operator tests without
 * proxy processes: a test sets each proxy's report; a request is answered only with the operator's key as the
 * proxy's rendered ConfigMap names it (by its SHA-256), as a real proxy would. {@link #services} locates every
 * proxy's Service here.
 */
public final class UsageProxies implements AutoCloseable {

    private final HttpServer server;
    private final KubernetesClient client;
    private final Map<String, UsageReport> reports = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    /** The key each proxy last accepted, so that a poll of many proxies does not read every ConfigMap again. */
    private final Map<String, String> accepted = new ConcurrentHashMap<>();

    private UsageProxies(KubernetesClient client) {
        this.client = client;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/proxies/", exchange -> {
            try (exchange) {
                String[] path = exchange.getRequestURI().getPath().split("/", -1);
                String namespace = path[2];
                String service = path[3];
                UsageReport report = reports.get(namespace + "/" + service);
                String presented = exchange.getRequestHeaders().getFirst("Authorization");
                if (report == null || presented == null || !operatorKeyMatches(namespace, service, presented)) {
                    refused.incrementAndGet();
                    exchange.sendResponseHeaders(report == null ? 503 : 401, -1);
                    return;
                }
                reads.incrementAndGet();
                byte[] body = KubeJson.mapper().writeValueAsBytes(report);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    public static UsageProxies start(KubernetesClient client) {
        return new UsageProxies(client);
    }

    /** Every proxy's Service here, at {@code /proxies/<namespace>/<service>}. */
    public ServiceLocator services() {
        return (namespace, service, port) -> URI.create(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/proxies/" + namespace + "/" + service);
    }

    /** What the proxy of {@code model} (its Service {@code <model>-model}) reports from now on. */
    public void report(String namespace, String model, UsageReport report) {
        reports.put(namespace + "/" + model + "-model", report);
    }

    /** Reports answered with the right key. */
    public int reads() {
        return reads.get();
    }

    private boolean operatorKeyMatches(String namespace, String service, String authorization) {
        if (authorization.equals(accepted.get(namespace + "/" + service))) {
            return true;
        }
        ConfigMap config =
                client.configMaps().inNamespace(namespace).withName(service).get();
        if (config == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String presented = KeyDigests.sha256Hex(authorization.substring(7));
        boolean matches = ProxyConfigFiles.parse(config.getData().get("proxy.yaml")).clientKeys().stream()
                .filter(ClientKey::mayReadUsage)
                .anyMatch(key -> key.name().equals(ProxyClients.OPERATOR) && presented.equals(key.keySha256()));
        if (matches) {
            accepted.put(namespace + "/" + service, authorization);
        }
        return matches;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
