package io.langop.console.auth;

import io.langop.api.clientconfig.ClientConfig;
import io.langop.api.v1alpha1.client.AuthProviderType;
import jakarta.servlet.http.HttpServletRequest;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use the console, from {@code authentication} of client.json: API keys ({@code api-key} providers) and
 * OIDC ({@code oidc} providers), presented by browsers at sign-in and by programs as a bearer token; anonymous
 * users when authentication is off, or on with {@code allowAnonymous} and without {@code requireAuthentication}.
 * Provider types the console does not speak (oauth2, saml, ldap, basic) are left out with a warning at start.
 */
public final class Access {

    private static final Logger LOG = LoggerFactory.getLogger(Access.class);

    private final boolean enabled;
    private final boolean anonymousAllowed;
    private final ApiKeys apiKeys = new ApiKeys();
    private final Map<String, OidcProvider> oidc = new LinkedHashMap<>();
    private final LoginSessions sessions;
    private final SessionCookie cookie;

    /**
     * @param variables the process environment, where the providers' Secrets are ({@code secretEnv})
     */
    public Access(
            ClientConfig.Authentication authentication,
            UnaryOperator<String> variables,
            LoginSessions sessions,
            SessionCookie cookie,
            HttpClient http) {
        this.sessions = sessions;
        this.cookie = cookie;
        this.enabled = authentication != null && Boolean.TRUE.equals(authentication.enabled());
        this.anonymousAllowed = !enabled
                || (!Boolean.TRUE.equals(authentication.requireAuthentication())
                        && !Boolean.FALSE.equals(authentication.allowAnonymous()));
        if (!enabled) {
            return;
        }
        for (ClientConfig.Provider provider :
                Objects.requireNonNullElse(authentication.providers(), List.<ClientConfig.Provider>of())) {
            if (Boolean.FALSE.equals(provider.enabled())) {
                continue;
            }
            String secret = provider.secretEnv() == null ? null : variables.apply(provider.secretEnv());
            if (provider.type() == AuthProviderType.API_KEY) {
                if (secret == null || secret.isBlank()) {
                    LOG.warn("api-key provider '{}' has no keys: its secretRef is missing or empty", provider.name());
                } else {
                    apiKeys.add(provider.name(), secret);
                }
            } else if (provider.type() == AuthProviderType.OIDC) {
                oidc.put(
                        provider.name(),
                        new OidcProvider(
                                provider.name(),
                                Objects.requireNonNullElse(provider.config(), Map.of()),
                                secret == null || secret.isBlank() ? null : secret.strip(),
                                http));
            } else {
                LOG.warn(
                        "authentication provider '{}' of type {} is not offered: the console signs in with api-key"
                                + " and oidc providers",
                        provider.name(),
                        provider.type());
            }
        }
    }

    public boolean anonymousAllowed() {
        return anonymousAllowed;
    }

    public boolean offersApiKeys() {
        return !apiKeys.isEmpty();
    }

    public List<String> oidcProviders() {
        return new ArrayList<>(oidc.keySet());
    }

    public Optional<OidcProvider> oidc(String name) {
        return Optional.ofNullable(oidc.get(name));
    }

    public Optional<User> apiKey(String key) {
        return apiKeys.user(key);
    }

    /**
     * The user of a request: its bearer token (an API key or an issuer's JWT), else its session cookie. Empty when
     * neither names anyone; the caller decides whether an anonymous user will do.
     */
    public Optional<User> user(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(authorization.substring(7).strip());
        }
        return sessions.user(cookie.read(request));
    }

    /** A bearer token names a user only when authentication is on; with it off everyone is anonymous anyway. */
    public Optional<User> bearer(String token) {
        if (!enabled) {
            return Optional.empty();
        }
        Optional<User> user = apiKeys.user(token);
        for (var provider = oidc.values().iterator(); user.isEmpty() && provider.hasNext(); ) {
            user = provider.next().bearer(token);
        }
        return user;
    }

    public LoginSessions sessions() {
        return sessions;
    }

    public SessionCookie cookie() {
        return cookie;
    }
}
