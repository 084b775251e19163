package io.langop.memory;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A memory store's connection string ({@code scheme://user:password@host:port/path?name=value}) read once, for
 * every backend. Its messages never repeat the string: it holds credentials.
 */
public record ConnectionUrl(
        String scheme,
        Optional<String> user,
        Optional<String> password,
        String host,
        int port,
        String path,
        Map<String, String> parameters) {

    /**
     * @param schemes the schemes the backend accepts, the first being its name in messages
     * @throws IllegalArgumentException naming what is wrong, without the string itself
     */
    public static ConnectionUrl parse(String url, String backend, Set<String> schemes, int defaultPort) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException malformed) {
            throw new IllegalArgumentException(
                    "the " + backend + " connection string is not a URL (" + malformed.getReason() + ")");
        }
        if (uri.getScheme() == null || !schemes.contains(uri.getScheme())) {
            throw new IllegalArgumentException("the " + backend + " connection string must start with one of "
                    + schemes.stream().sorted().map(scheme -> scheme + "://").toList() + ", not '"
                    + (uri.getScheme() == null ? "" : uri.getScheme()) + "://'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("the " + backend + " connection string names no host");
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = Optional.of(decode(parts[0])).filter(text -> !text.isEmpty());
            password = parts.length == 2 ? Optional.of(decode(parts[1])) : Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&", -1)) {
                if (!pair.isEmpty()) {
                    String[] nameAndValue = pair.split("=", 2);
                    parameters.put(decode(nameAndValue[0]), nameAndValue.length == 2 ? decode(nameAndValue[1]) : "");
                }
            }
        }
        return new ConnectionUrl(
                uri.getScheme(),
                user,
                password,
                uri.getHost(),
                uri.getPort() < 0 ? defaultPort : uri.getPort(),
                uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", ""),
                Map.copyOf(parameters));
    }

    /** {@code host:port}, for descriptions. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    @Override
    public String toString() {
        return scheme + "://" + user.map(name -> name + ":***@").orElse("") + address() + "/" + path;
    }

    /** Percent-decoding only: a '+' stays a '+' (secret keys hold them), unlike in HTML form encoding. */
    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
