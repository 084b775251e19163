package io.langop.console;

import io.langop.api.clientconfig.ClientConfig;
import io.langop.server.ServiceServer;
import io.langop.wire.ClientWire;
import io.langop.wire.ServiceWire;
import java.nio.file.Path;
import java.time.Clock;

/** The console image's entry point: reads {@code CLIENT_CONFIG} (client.json) and serves on {@code PORT}. */
public final class ConsoleMain {

    private ConsoleMain() {}

    public static void main(String[] args) throws InterruptedException {
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
