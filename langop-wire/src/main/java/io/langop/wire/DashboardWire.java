package io.langop.wire;

/** The contract between the operator and the console it runs as a LanguageCluster's dashboard. */
public final class DashboardWire {

    /** The environment variable that switches the console from a client's chat to a cluster's dashboard. */
    public static final String MODE_ENV = "CONSOLE_MODE";
    /** {@link #MODE_ENV}'s value for the dashboard. */
    public static final String DASHBOARD_MODE = "dashboard";
    /** The namespace the dashboard shows (the cluster's; its ServiceAccount may read nothing else). */
    public static final String NAMESPACE_ENV = "DASHBOARD_NAMESPACE";
    /** The LanguageCluster whose members it shows. */
    public static final String CLUSTER_ENV = "DASHBOARD_CLUSTER";
    /** The API keys that may sign in (from {@code spec.dashboard.apiKeySecretRef}), one a line. */
    public static final String KEYS_ENV = "DASHBOARD_KEYS";
    /** The OIDC issuer people sign in with ({@code spec.dashboard.oidc.issuer}); unset: no OIDC sign-in. */
    public static final String OIDC_ISSUER_ENV = "DASHBOARD_OIDC_ISSUER";
    /** The dashboard's client id at that issuer. */
    public static final String OIDC_CLIENT_ID_ENV = "DASHBOARD_OIDC_CLIENT_ID";
    /** Its client secret (from {@code spec.dashboard.oidc.clientSecretRef}); unset: a public client. */
    public static final String OIDC_CLIENT_SECRET_ENV = "DASHBOARD_OIDC_CLIENT_SECRET";
    /** The audience programs' bearer tokens must name; unset: the client id. */
    public static final String OIDC_AUDIENCE_ENV = "DASHBOARD_OIDC_AUDIENCE";
    /** The scopes of a sign-in, separated by spaces; unset: the console's default. */
    public static final String OIDC_SCOPES_ENV = "DASHBOARD_OIDC_SCOPES";

    private DashboardWire() {}
}
