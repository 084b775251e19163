package io.langop.proxy;

import io.langop.server.ServiceServer;
import io.langop.server.telemetry.Telemetry;
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
        Telemetry telemetry = Telemetry.start("langop-model-proxy");
        ModelProxy proxy = ModelProxy.start(config, listen, Duration.ofSeconds(5));
        Runtime.getRuntime()
                .addShutdownHook(
                        Thread.ofPlatform().name("model-proxy-shutdown").unstarted(() -> {
                            proxy.close();
                            telemetry.close(); // after the requests in flight have ended, with their spans
                        }));
        proxy.join();
    }
}
