package io.langop.console.web;

import io.langop.api.v1alpha1.client.Cors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code cors}: which other origins' pages may call the console's APIs ({@code /v1}, {@code /api}) from a
 * browser, with which methods and headers, whether with the user's cookie, and how long a preflight answer is
 * kept. Off (the default), only the console's own page may. The same list decides which origins may send a
 * cookie-signed request that changes something (the cross-site request check).
 */
public final class CorsPolicy {

    private static final List<String> DEFAULT_METHODS = List.of("GET", "POST", "OPTIONS");
    private static final List<String> DEFAULT_HEADERS = List.of("Authorization", "Content-Type");

    private final boolean enabled;
    private final List<String> origins;
    private final List<String> methods;
    private final List<String> headers;
    private final boolean credentials;
    private final Integer maxAge;

    public CorsPolicy(Cors cors) {
        this.enabled = cors != null && Boolean.TRUE.equals(cors.getEnabled());
        this.origins = enabled ? Objects.requireNonNullElse(cors.getAllowedOrigins(), List.of()) : List.of();
        this.methods = enabled && cors.getAllowedMethods() != null
                ? cors.getAllowedMethods().stream()
                        .map(method -> method.toUpperCase(Locale.ROOT))
                        .toList()
                : DEFAULT_METHODS;
        this.headers = enabled && cors.getAllowedHeaders() != null ? cors.getAllowedHeaders() : DEFAULT_HEADERS;
        this.credentials = enabled && Boolean.TRUE.equals(cors.getAllowCredentials());
        this.maxAge = enabled ? cors.getMaxAge() : null;
    }

    /**
     * Adds the CORS headers a cross-origin request earns; answers a preflight whole.
     *
     * @return true when the request was a preflight and is answered
     */
    public boolean apply(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        boolean preflight =
                "OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null;
        if (origin != null && !sameOrigin(request, origin) && allows(origin)) {
            response.setHeader("Access-Control-Allow-Origin", origins.contains("*") && !credentials ? "*" : origin);
            response.addHeader("Vary", "Origin");
            if (credentials) {
                response.setHeader("Access-Control-Allow-Credentials", "true");
            }
            if (preflight) {
                String asked =
                        request.getHeader("Access-Control-Request-Method").toUpperCase(Locale.ROOT);
                if (methods.contains(asked)) {
                    response.setHeader("Access-Control-Allow-Methods", String.join(", ", methods));
                    response.setHeader("Access-Control-Allow-Headers", String.join(", ", headers));
                    if (maxAge != null) {
                        response.setHeader("Access-Control-Max-Age", String.valueOf(maxAge));
                    }
                }
            }
        }
        if (preflight) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
        return preflight;
    }

    /**
     * Whether a request signed by the session cookie may change something: it comes from the console's own page,
     * or from an origin allowed to send credentials. Browsers name the origin of every such request.
     */
    public boolean mayActWithCookie(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        return origin == null || sameOrigin(request, origin) || (credentials && allows(origin));
    }

    private boolean allows(String origin) {
        return enabled && (origins.contains("*") || origins.contains(origin));
    }

    private static boolean sameOrigin(HttpServletRequest request, String origin) {
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            return uri.getAuthority() != null && uri.getAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
