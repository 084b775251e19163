package io.langop.console;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.langop.api.clientconfig.ClientConfig;
import io.langop.console.dashboard.Dashboard;
import io.langop.server.ServiceServer;
import io.langop.wire.ClientWire;
import io.langop.wire.DashboardWire;
import io.langop.wire.ServiceWire;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The console image's entry point: a LanguageClient's chat, from {@code CLIENT_CONFIG} (client.json), or with
 * {@code CONSOLE_MODE=dashboard} a LanguageCluster's dashboard (its namespace, cluster and keys from the
 * environment, the API server from the pod's ServiceAccount); either serves on {@code PORT}.
 */
public final class ConsoleMain {

    private ConsoleMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (DashboardWire.DASHBOARD_MODE.equals(System.getenv(DashboardWire.MODE_ENV))) {
            Dashboard dashboard = Dashboard.start(
                    Dashboard.Settings.fromEnvironment(System::getenv),
                    new KubernetesClientBuilder().build(),
                    ServiceServer.portFromEnv(ServiceWire.DEFAULT_PORT),
                    ServiceServer.bindAddressFromEnv(),
                    Clock.systemUTC());
            // the dashboard's own close ends its streams first, which browsers would otherwise hold open
            Runtime.getRuntime().addShutdownHook(new Thread(dashboard::close, "dashboard-shutdown"));
            dashboard.server().join();
            return;
        }
        String file = System.getenv(ClientWire.CONFIG_ENV);
        if (file == null || file.isBlank()) {
            file = ClientWire.CONFIG_DIR + "/" + ClientWire.CONFIG_FILE;
        }
        ClientConfig config = ConsoleConfigFile.read(Path.of(file));
        Console console = Console.start(
                config,
                System::getenv,
                ServiceServer.portFromEnv(ServiceWire.DEFAULT_PORT),
                ServiceServer.bindAddressFromEnv(),
                null,
                Clock.systemUTC());
        console.server().closeOnShutdown().join();
    }
}
