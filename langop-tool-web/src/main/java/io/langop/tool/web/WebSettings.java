package io.langop.tool.web;

import io.langop.tool.web.egress.AddressPolicy;
import io.langop.tool.web.egress.EgressSettings;
import io.langop.tool.web.search.DuckDuckGo;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of the web tool server, read from the environment:
 *
 * <ul>
 *   <li>{@code WEB_SEARCH_ENGINE} — {@code duckduckgo} (default) or {@code searxng};
 *   <li>{@code WEB_SEARCH_URL} — the engine's endpoint (DuckDuckGo's HTML endpoint by default;
 *       required for SearXNG, e.g. {@code http://searxng.search:8080});
 *   <li>{@code WEB_ALLOWED_NETWORKS} — comma-separated CIDRs the fetch tools may reach although
 *       they are private, loopback or link-local (default none);
 *   <li>{@code WEB_USER_AGENT}, {@code WEB_CONNECT_TIMEOUT_SECONDS} (10), {@code WEB_TIMEOUT_SECONDS}
 *       (30, a whole fetch) and {@code WEB_MAX_RESPONSE_BYTES} (5 MiB).
 * </ul>
 */
public record WebSettings(EgressSettings egress, Engine engine, URI searchEndpoint) {

    public static final String DEFAULT_USER_AGENT = "Mozilla/5.0 (compatible; langop-tool-web/0.1)";

    public enum Engine {
        DUCKDUCKGO,
        SEARXNG
    }

    public WebSettings {
        Objects.requireNonNull(egress, "egress");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(searchEndpoint, "searchEndpoint");
    }

    public static WebSettings fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * Reads the settings from {@code env}.
     *
     * @throws IllegalArgumentException naming the variable when one is invalid
     */
    public static WebSettings fromEnv(Map<String, String> env) {
        EgressSettings egress = new EgressSettings(
                env.getOrDefault("WEB_USER_AGENT", DEFAULT_USER_AGENT),
                Duration.ofSeconds(positive(env, "WEB_CONNECT_TIMEOUT_SECONDS", 10)),
                Duration.ofSeconds(positive(env, "WEB_TIMEOUT_SECONDS", 30)),
                (int) positive(env, "WEB_MAX_RESPONSE_BYTES", 5 * 1024 * 1024),
                allowList(env.get("WEB_ALLOWED_NETWORKS")));
        Engine engine = engine(env.getOrDefault("WEB_SEARCH_ENGINE", "duckduckgo"));
        String endpoint = env.get("WEB_SEARCH_URL");
        if (engine == Engine.SEARXNG && (endpoint == null || endpoint.isBlank())) {
            throw new IllegalArgumentException(
                    "WEB_SEARCH_ENGINE=searxng needs WEB_SEARCH_URL, e.g. http://searxng:8080");
        }
        URI searchEndpoint = endpoint == null || endpoint.isBlank()
                ? DuckDuckGo.DEFAULT_ENDPOINT
                : uri("WEB_SEARCH_URL", endpoint.strip());
        return new WebSettings(egress, engine, searchEndpoint);
    }

    private static Engine engine(String name) {
        try {
            return Engine.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "WEB_SEARCH_ENGINE must be duckduckgo or searxng, got '" + name + "'", e);
        }
    }

    private static AddressPolicy allowList(String value) {
        try {
            return AddressPolicy.allowing(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("WEB_ALLOWED_NETWORKS: " + e.getMessage(), e);
        }
    }

    private static URI uri(String name, String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be an http(s) URL, got '" + value + "'", e);
        }
    }

    private static long positive(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed <= 0 || parsed > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive whole number, got '" + value + "'", e);
        }
    }
}
