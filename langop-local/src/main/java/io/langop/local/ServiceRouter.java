package io.langop.local;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What kube-proxy does for the harness: one loopback listener per Service port, forwarding each
 * connection to a ready pod the Service selects, looked up when the connection arrives — so a URL
 * handed to a pod stays valid while the pods behind the Service are replaced.
 */
final class ServiceRouter implements AutoCloseable {

    /** Finds the loopback port of a ready pod matching a Service. */
    interface Endpoints {
        Optional<Integer> find(String namespace, Map<String, String> selector, IntOrString targetPort);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRouter.class);

    /**
     * How long a connection waits for a ready pod. A cluster would refuse at once and the client
     * retry; waiting keeps the scenarios independent of how fast JVMs start on a loaded machine.
     */
    private static final Duration BACKEND_WAIT = Duration.ofSeconds(60);

    private record Key(String namespace, String service, int port) {}

    private final KubernetesClient client;
    private final Endpoints endpoints;
    private final Map<Key, ServerSocket> listeners = new ConcurrentHashMap<>();

    ServiceRouter(KubernetesClient client, Endpoints endpoints) {
        this.client = client;
        this.endpoints = endpoints;
    }

    /** The loopback port standing for {@code service.namespace:port}; opened on first use. */
    int localPort(String namespace, String service, int port) {
        return listeners
                .computeIfAbsent(new Key(namespace, service, port), this::listen)
                .getLocalPort();
    }

    private ServerSocket listen(Key key) {
        try {
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().name("service-" + key.service()).start(() -> accept(key, listener));
            LOG.info(
                    "Service {}.{}:{} answers on 127.0.0.1:{}",
                    key.service(),
                    key.namespace(),
                    key.port(),
                    listener.getLocalPort());
            return listener;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(Key key, ServerSocket listener) {
        while (!listener.isClosed()) {
            try {
                Socket inbound = listener.accept();
                Thread.ofVirtual().start(() -> forward(key, inbound));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void forward(Key key, Socket inbound) {
        try (inbound) {
            Optional<Integer> backend = awaitBackend(key);
            if (backend.isEmpty()) {
                LOG.warn(
                        "Service {}.{}:{} has no ready pod: connection refused",
                        key.service(),
                        key.namespace(),
                        key.port());
                return;
            }
            try (Socket outbound = new Socket(InetAddress.getLoopbackAddress(), backend.get())) {
                Thread upstream = Thread.ofVirtual().start(() -> pump(inbound, outbound));
                pump(outbound, inbound);
                // the pod answered and closed; a client keeping its side open must not hold the thread
                upstream.join(Duration.ofSeconds(5));
            }
        } catch (IOException | InterruptedException e) {
            LOG.debug("Connection to {} ended: {}", key, e.toString());
        }
    }

    private Optional<Integer> awaitBackend(Key key) throws InterruptedException {
        long deadline = System.nanoTime() + BACKEND_WAIT.toNanos();
        while (true) {
            Optional<Integer> backend = backend(key);
            if (backend.isPresent() || System.nanoTime() > deadline) {
                return backend;
            }
            Thread.sleep(100);
        }
    }

    private Optional<Integer> backend(Key key) {
        Service service = client.services()
                .inNamespace(key.namespace())
                .withName(key.service())
                .get();
        if (service == null || service.getSpec().getSelector() == null) {
            return Optional.empty();
        }
        for (ServicePort port : Objects.requireNonNullElse(service.getSpec().getPorts(), List.<ServicePort>of())) {
            if (port.getPort() == key.port()) {
                IntOrString target =
                        port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
                return endpoints.find(key.namespace(), service.getSpec().getSelector(), target);
            }
        }
        return Optional.empty();
    }

    /** Copies until end of stream, then half-closes the other side so the peer sees the end too. */
    private static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException ignored) {
            // one side closed; closing both sockets ends the other pump
        }
    }

    @Override
    public void close() {
        listeners.values().forEach(listener -> {
            try {
                listener.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        });
    }
}
