package io.langop.console.dashboard;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.clientconfig.ClientConfig;
import io.langop.api.v1alpha1.client.AuthProviderType;
import io.langop.api.v1alpha1.client.CookieConfig;
import io.langop.api.v1alpha1.client.Theme;
import io.langop.api.v1alpha1.client.UiConfig;
import io.langop.console.Console;
import io.langop.console.auth.Access;
import io.langop.console.auth.LoginSessions;
import io.langop.console.auth.OidcProvider;
import io.langop.console.auth.SessionCookie;
import io.langop.console.auth.SignInServlet;
import io.langop.console.web.AssetServlet;
import io.langop.console.web.Pages;
import io.langop.server.ServiceServer;
import io.langop.wire.DashboardWire;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A LanguageCluster's dashboard: the console in dashboard mode, showing one cluster's namespace as its watches
 * ({@link ClusterWatch}) see it, on pages rendered on the server and kept live by server-sent events. It signs
 * people in with the API keys of {@code spec.dashboard.apiKeySecretRef} and the issuer of {@code spec.dashboard.oidc}
 * as the chat does (the same {@link Access}, sign-in page, sessions and cookie); without either it is open to
 * whoever reaches it.
 */
public final class Dashboard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);
    static final Duration SESSION_TTL = Duration.ofHours(12);
    private static final String KEY_PROVIDER = "keys";
    /** The name of the dashboard's one OIDC provider: the sign-in page offers "Sign in with sso". */
    static final String OIDC_PROVIDER = "sso";

    /**
     * @param keys the API keys that may sign in, one a line ({@code name:key} or a bare key); null: none
     * @param oidc the OIDC issuer people may sign in with; null: none (with neither, the dashboard is open)
     * @param cookie the session cookie's settings; null for the defaults (Secure, HttpOnly, SameSite=Lax)
     */
    public record Settings(String namespace, String cluster, String keys, Oidc oidc, CookieConfig cookie) {

        public static Settings fromEnvironment(UnaryOperator<String> variables) {
            String namespace = variables.apply(DashboardWire.NAMESPACE_ENV);
            String cluster = variables.apply(DashboardWire.CLUSTER_ENV);
            if (namespace == null || namespace.isBlank() || cluster == null || cluster.isBlank()) {
                throw new IllegalArgumentException(
                        "the dashboard needs " + DashboardWire.NAMESPACE_ENV + " and " + DashboardWire.CLUSTER_ENV);
            }
            return new Settings(
                    namespace,
                    cluster,
                    given(variables, DashboardWire.KEYS_ENV),
                    Oidc.fromEnvironment(variables),
                    null);
        }

        boolean open() {
            return keys == null && oidc == null;
        }
    }

    /**
     * {@code spec.dashboard.oidc} as the operator passes it: the settings of a LanguageClient's {@code oidc} provider,
     * so the chat's {@link io.langop.console.auth.OidcProvider} signs people in here too.
     *
     * @param clientSecret null for a public client (PKCE only)
     * @param audience null: the client id
     * @param scopes null: the provider's default
     */
    public record Oidc(String issuer, String clientId, String clientSecret, String audience, String scopes) {

        static Oidc fromEnvironment(UnaryOperator<String> variables) {
            String issuer = given(variables, DashboardWire.OIDC_ISSUER_ENV);
            if (issuer == null) {
                return null;
            }
            String clientId = given(variables, DashboardWire.OIDC_CLIENT_ID_ENV);
            if (clientId == null) {
                throw new IllegalArgumentException("the dashboard's OIDC issuer needs "
                        + DashboardWire.OIDC_CLIENT_ID_ENV + " (spec.dashboard.oidc.clientId)");
            }
            return new Oidc(
                    issuer,
                    clientId,
                    given(variables, DashboardWire.OIDC_CLIENT_SECRET_ENV),
                    given(variables, DashboardWire.OIDC_AUDIENCE_ENV),
                    given(variables, DashboardWire.OIDC_SCOPES_ENV));
        }

        /** The settings under the names of a client's provider {@code config}. */
        Map<String, String> providerConfig() {
            Map<String, String> config = new LinkedHashMap<>();
            config.put(OidcProvider.ISSUER, issuer);
            config.put(OidcProvider.CLIENT_ID, clientId);
            if (audience != null) {
                config.put(OidcProvider.AUDIENCE, audience);
            }
            if (scopes != null) {
                config.put(OidcProvider.SCOPES, scopes);
            }
            return config;
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
                variable -> credential(settings, variable),
                new LoginSessions(SESSION_TTL, Integer.MAX_VALUE, clock),
                new SessionCookie(settings.cookie()),
                Console.httpClient());
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
                signIn(settings));
        return new Dashboard(server, watch, live, logs);
    }

    /**
     * The chat's sign-in with the dashboard's keys and issuer, as a client.json would give them (the credentials
     * under the dashboard's variable names); none at all without either.
     */
    private static ClientConfig.Authentication authentication(Settings settings) {
        if (settings.open()) {
            return null;
        }
        List<ClientConfig.Provider> providers = new ArrayList<>();
        if (settings.keys() != null) {
            providers.add(new ClientConfig.Provider(
                    KEY_PROVIDER, AuthProviderType.API_KEY, Map.of(), DashboardWire.KEYS_ENV, true));
        }
        if (settings.oidc() != null) {
            providers.add(new ClientConfig.Provider(
                    OIDC_PROVIDER,
                    AuthProviderType.OIDC,
                    settings.oidc().providerConfig(),
                    DashboardWire.OIDC_CLIENT_SECRET_ENV,
                    true));
        }
        return new ClientConfig.Authentication(true, providers, true, false, null);
    }

    /** The credentials of {@link #authentication}, by the variables it names. */
    private static String credential(Settings settings, String variable) {
        return switch (variable) {
            case DashboardWire.KEYS_ENV -> settings.keys();
            case DashboardWire.OIDC_CLIENT_SECRET_ENV ->
                settings.oidc() == null ? null : settings.oidc().clientSecret();
            default -> null;
        };
    }

    private static String given(UnaryOperator<String> variables, String name) {
        String value = variables.apply(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static String signIn(Settings settings) {
        if (settings.open()) {
            return "open: no API keys or OIDC issuer set";
        }
        List<String> ways = new ArrayList<>();
        if (settings.keys() != null) {
            ways.add("API keys");
        }
        if (settings.oidc() != null) {
            ways.add("OIDC at " + settings.oidc().issuer());
        }
        return "signing in with " + String.join(" and ", ways);
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
