package io.langop.console.dashboard;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.clientconfig.ClientConfig;
import io.langop.api.v1alpha1.client.AuthProviderType;
import io.langop.api.v1alpha1.client.CookieConfig;
import io.langop.api.v1alpha1.client.Theme;
import io.langop.api.v1alpha1.client.UiConfig;
import io.langop.console.auth.Access;
import io.langop.console.auth.LoginSessions;
import io.langop.console.auth.SessionCookie;
import io.langop.console.auth.SignInServlet;
import io.langop.console.web.AssetServlet;
import io.langop.console.web.Pages;
import io.langop.server.ServiceServer;
import io.langop.wire.DashboardWire;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A LanguageCluster's dashboard: the console in dashboard mode, showing one cluster's namespace as its watches
 * ({@link ClusterWatch}) see it, on pages rendered on the server and kept live by server-sent events. It signs
 * people in with the API keys of {@code spec.dashboard.apiKeySecretRef} as the chat does (the same sign-in page,
 * sessions and cookie); without keys it is open to whoever reaches it.
 */
public final class Dashboard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);
    static final Duration SESSION_TTL = Duration.ofHours(12);
    private static final String KEY_PROVIDER = "keys";

    /**
     * @param keys the API keys that may sign in, one a line ({@code name:key} or a bare key); null: open
     * @param cookie the session cookie's settings; null for the defaults (Secure, HttpOnly, SameSite=Lax)
     */
    public record Settings(String namespace, String cluster, String keys, CookieConfig cookie) {

        public static Settings fromEnvironment(UnaryOperator<String> variables) {
            String namespace = variables.apply(DashboardWire.NAMESPACE_ENV);
            String cluster = variables.apply(DashboardWire.CLUSTER_ENV);
            if (namespace == null || namespace.isBlank() || cluster == null || cluster.isBlank()) {
                throw new IllegalArgumentException(
                        "the dashboard needs " + DashboardWire.NAMESPACE_ENV + " and " + DashboardWire.CLUSTER_ENV);
            }
            String keys = variables.apply(DashboardWire.KEYS_ENV);
            return new Settings(namespace, cluster, keys == null || keys.isBlank() ? null : keys, null);
        }
    }

    private final ServiceServer server;
    private final ClusterWatch watch;
    private final LiveServlet live;
    private final LogServlet logs;

    private Dashboard(ServiceServer server, ClusterWatch watch, LiveServlet live, LogServlet logs) {
        this.server = server;
        this.watch = watch;
        this.live = live;
        this.logs = logs;
    }

    public static Dashboard start(
            Settings settings, KubernetesClient client, int port, InetAddress bindAddress, Clock clock) {
        ClusterWatch watch = new ClusterWatch(client, settings.namespace(), settings.cluster()).start();
        Access access = new Access(
                authentication(settings),
                name -> DashboardWire.KEYS_ENV.equals(name) ? settings.keys() : null,
                new LoginSessions(SESSION_TTL, Integer.MAX_VALUE, clock),
                new SessionCookie(settings.cookie()),
                HttpClient.newHttpClient());
        UiConfig ui = new UiConfig();
        ui.setTitle("Cluster " + settings.cluster());
        ui.setTheme(Theme.AUTO);
        Pages pages = new Pages(ui);
        LiveServlet live = new LiveServlet(watch, access);
        LogServlet logs = new LogServlet(watch, client, access);
        ServiceServer server = ServiceServer.builder("langop-dashboard")
                .port(port)
                .bindAddress(bindAddress)
                .readiness(watch::synced)
                .servlet(
                        "/",
                        new DashboardServlet(
                                watch, new CodeVersions(client, settings.namespace()), access, pages, clock))
                .servlet("/assets/*", new AssetServlet(ui))
                .servlet("/auth/*", new SignInServlet(access, clock))
                .servlet("/live", live)
                .servlet("/logs/*", logs)
                .start();
        LOG.info(
                "dashboard of cluster {} in namespace {} ({})",
                settings.cluster(),
                settings.namespace(),
                settings.keys() == null ? "open: no API keys set" : "signing in with API keys");
        return new Dashboard(server, watch, live, logs);
    }

    /** The chat's API-key sign-in with the dashboard's keys; none at all without them. */
    private static ClientConfig.Authentication authentication(Settings settings) {
        if (settings.keys() == null) {
            return null;
        }
        return new ClientConfig.Authentication(
                true,
                List.of(new ClientConfig.Provider(
                        KEY_PROVIDER, AuthProviderType.API_KEY, Map.of(), DashboardWire.KEYS_ENV, true)),
                true,
                false,
                null);
    }

    public URI uri() {
        return server.uri();
    }

    public ServiceServer server() {
        return server;
    }

    @Override
    public void close() {
        live.close();
        logs.close();
        server.close();
        watch.close();
    }
}
