package io.langop.proxy;

import io.langop.server.ServiceServer;
import io.langop.wire.ServiceWire;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Container entry point. {@code PROXY_CONFIG} names the configuration file (default
 * {@value #DEFAULT_CONFIG}), {@code PORT} the port (default 8080), {@code BIND_ADDRESS} the one address to listen
 * on (default every interface).
 */
public final class ModelProxyMain {

    static final String DEFAULT_CONFIG = "/etc/langop/proxy/proxy.yaml";

    private ModelProxyMain() {}

    public static void main(String[] args) throws InterruptedException {
        String configured = System.getenv(ServiceWire.PROXY_CONFIG_ENV);
        Path config = Path.of(configured == null || configured.isBlank() ? DEFAULT_CONFIG : configured);
        InetSocketAddress listen = new InetSocketAddress(
                ServiceServer.bindAddressFromEnv(), ServiceServer.portFromEnv(ServiceWire.DEFAULT_PORT));
        ModelProxy proxy =
                ModelProxy.start(config, listen, Duration.ofSeconds(5)).closeOnShutdown();
        proxy.join();
    }
}
