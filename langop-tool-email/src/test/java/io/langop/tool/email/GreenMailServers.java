package io.langop.tool.email;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.HashMap;
import java.util.Map;

/** GreenMail on free ports, started once per test class: TLS start-up is slow on a busy build machine. */
public final class GreenMailServers {

    public static final String USER = "agent";
    public static final String ADDRESS = "agent@example.com";
    public static final String PASSWORD = "s3cret-Pass!";

    private GreenMailServers() {}

    /** Call {@code purgeEmailFromAllMailboxes()} before each test: the servers are shared by the class. */
    public static GreenMailExtension start(ServerSetup... setups) {
        ServerSetup[] onFreePorts = ServerSetup.createCopy(setups, setup -> {
            ServerSetup copy = setup.dynamicPort();
            copy.setServerStartupTimeout(30_000);
            return copy;
        });
        return new GreenMailExtension(onFreePorts)
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(ADDRESS, USER, PASSWORD))
                .withPerMethodLifecycle(false);
    }

    /** Everything the email tools need to reach the servers of {@code greenMail}, without TLS; mutable. */
    public static Map<String, String> toolEnv(GreenMailExtension greenMail) {
        return new HashMap<>(Map.ofEntries(
                Map.entry("SMTP_HOST", "127.0.0.1"),
                Map.entry("SMTP_PORT", Integer.toString(greenMail.getSmtp().getPort())),
                Map.entry("SMTP_TLS", "false"),
                Map.entry("SMTP_USER", USER),
                Map.entry("SMTP_PASSWORD", PASSWORD),
                Map.entry("SMTP_FROM", "bot@example.com"),
                Map.entry("IMAP_HOST", "127.0.0.1"),
                Map.entry("IMAP_PORT", Integer.toString(greenMail.getImap().getPort())),
                Map.entry("IMAP_TLS", "false"),
                Map.entry("IMAP_USER", USER),
                Map.entry("IMAP_PASSWORD", PASSWORD)));
    }
}
