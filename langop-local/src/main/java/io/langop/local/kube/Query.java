package io.langop.local.kube;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The parameters of a request's query, decoded, in their order; and back to a query string. */
record Query(Map<String, String> parameters) {

    static Query parse(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&", -1)) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                parameters.put(decode(name), decode(value));
            }
        }
        return new Query(parameters);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    boolean isTrue(String name) {
        return get(name)
                .filter(value -> value.equals("true") || value.equals("1"))
                .isPresent();
    }

    Query without(String... names) {
        Map<String, String> kept = new LinkedHashMap<>(parameters);
        for (String name : names) {
            kept.remove(name);
        }
        return new Query(kept);
    }

    Query with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(parameters);
        more.put(name, value);
        return new Query(more);
    }

    /** {@code ?a=b&c=d}, or the empty string without parameters. */
    String toQueryString() {
        if (parameters.isEmpty()) {
            return "";
        }
        return parameters.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
