package io.langop.tool.email;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/** GreenMail on free ports, started once per test class: TLS start-up is slow on a busy build machine. */
public final class GreenMailServers {

    public static final String USER = "agent";
    public static final String ADDRESS = "agent@example.com";
    public static final String PASSWORD = "s3cret-Pass!";

    private GreenMailServers() {
    }

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
}
