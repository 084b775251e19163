package io.langop.local.kube;

import com.sun.net.httpserver.HttpExchange;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API server's service proxy ({@code /api/v1/namespaces/NS/services/[SCHEME:]NAME[:PORT]/proxy/PATH}), as
 * {@code kubectl proxy}, {@code langop chat} and the operator outside a cluster use it: the request goes to the
 * loopback port that stands for the Service in langop local, and the answer comes back as it is written, so a
 * stream of server-sent events arrives event by event.
 */
public final class ServiceProxy {

    /** The loopback port standing for a Service's port, as the pods reach it. */
    public interface ServicePorts {
        int localPort(String namespace, String service, int port);
    }

    private static final Pattern PATH = Pattern.compile("/api/v1/namespaces/([^/]+)/services/([^/]+)/proxy(/.*)?");
    /** Headers of the hop, not of the message: the JDK's client sets its own and refuses to be given them. */
    private static final Set<String> HOP_HEADERS =
            Set.of("connection", "content-length", "host", "transfer-encoding", "upgrade", "expect", "keep-alive");

    private final KubernetesClient store;
    private final ServicePorts ports;
    private final HttpClient http;

    ServiceProxy(KubernetesClient store, ServicePorts ports, HttpClient http) {
        this.store = store;
        this.ports = ports;
        this.http = http;
    }

    /** The Service and the path a request of the proxy is for, or empty when the path is none of the proxy's. */
    static Optional<Target> target(String rawPath) {
        Matcher matcher = PATH.matcher(rawPath);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        // [scheme:]name[:port]; a scheme is http or https, which only a TLS-less loopback cannot honour
        String[] parts = matcher.group(2).split(":", -1);
        boolean scheme =
                parts.length == 3 || (parts.length == 2 && (parts[0].equals("http") || parts[0].equals("https")));
        int at = scheme ? 1 : 0;
        String name = parts[at];
        Optional<String> port =
                at + 1 < parts.length && !parts[at + 1].isEmpty() ? Optional.of(parts[at + 1]) : Optional.empty();
        return Optional.of(new Target(matcher.group(1), name, port, Objects.requireNonNullElse(matcher.group(3), "/")));
    }

    /**
     * What the proxy answers: the Service's pod's answer, or a Status saying which Service or port is missing.
     *
     * @return the error to answer with, or empty when the answer was relayed
     */
    Optional<Refusal> forward(Target target, HttpExchange exchange) throws IOException, InterruptedException {
        Service service = store.services()
                .inNamespace(target.namespace())
                .withName(target.service())
                .get();
        if (service == null) {
            return Optional.of(new Refusal(
                    404,
                    "NotFound",
                    "services \"" + target.service() + "\" not found in namespace " + target.namespace()));
        }
        Optional<Integer> port = servicePort(service, target.port());
        if (port.isEmpty()) {
            return Optional.of(new Refusal(
                    404,
                    "NotFound",
                    "service " + target.namespace() + "/" + target.service() + " has no port "
                            + target.port().orElse("(it has none)")));
        }
        int local = ports.localPort(target.namespace(), target.service(), port.get());
        URI uri = URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + local
                + target.path()
                + Optional.ofNullable(exchange.getRequestURI().getRawQuery())
                        .map(query -> "?" + query)
                        .orElse(""));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(
                        exchange.getRequestMethod(),
                        HttpRequest.BodyPublishers.ofByteArray(
                                exchange.getRequestBody().readAllBytes()));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException unreachable) {
            // no listener, or the Service's listener found no ready pod in time and closed
            return Optional.of(new Refusal(
                    503,
                    "ServiceUnavailable",
                    "no ready pod answers for service " + target.namespace() + "/" + target.service() + ":"
                            + port.get()));
        }
        try (InputStream body = response.body()) {
            response.headers()
                    .firstValue("Content-Type")
                    .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
            exchange.sendResponseHeaders(response.statusCode(), 0);
            OutputStream out = exchange.getResponseBody();
            byte[] buffer = new byte[8192];
            for (int read; (read = body.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                out.flush(); // an event as soon as it arrives
            }
        }
        return Optional.empty();
    }

    /** The port the proxy path names (number or port name), else the Service's only or first port. */
    private static Optional<Integer> servicePort(Service service, Optional<String> named) {
        List<ServicePort> declared =
                Objects.requireNonNullElse(service.getSpec().getPorts(), List.of());
        if (named.isEmpty()) {
            return declared.stream().findFirst().map(ServicePort::getPort);
        }
        return declared.stream()
                .filter(port ->
                        named.get().equals(port.getName()) || named.get().equals(String.valueOf(port.getPort())))
                .findFirst()
                .map(ServicePort::getPort);
    }

    /** A proxy request's Service and path. */
    record Target(String namespace, String service, Optional<String> port, String path) {}

    /** The answer when the request cannot be proxied. */
    record Refusal(int code, String reason, String message) {}
}
