package io.langop.operator.egress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves the host names of egress rules to {@code /32} and {@code /128} CIDRs, keeping each
 * answer for the refresh interval so that many objects naming the same host cost one lookup.
 * Answers are sorted: a resolver that rotates its answer order must not change a NetworkPolicy.
 */
public final class DnsCache {

    /** The CIDRs of a name, or why there are none. An empty list with a reason allows nothing. */
    public record Answer(List<String> cidrs, String failure) {
        public boolean resolved() {
            return failure == null;
        }
    }

    private record Entry(Answer answer, Instant resolvedAt) {}

    private final HostResolver resolver;
    private final Duration refresh;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public DnsCache(HostResolver resolver, Duration refresh, Clock clock) {
        this.resolver = resolver;
        this.refresh = refresh;
        this.clock = clock;
    }

    public DnsCache(HostResolver resolver, Duration refresh) {
        this(resolver, refresh, Clock.systemUTC());
    }

    public Duration refresh() {
        return refresh;
    }

    /** Resolves {@code host}; a wildcard {@code *.example.com} resolves {@code example.com} only. */
    public Answer resolve(String host) {
        String name = baseName(host);
        Instant now = clock.instant();
        Entry entry = entries.get(name);
        if (entry == null || !entry.resolvedAt().plus(refresh).isAfter(now)) {
            entry = new Entry(lookup(name), now);
            entries.put(name, entry);
        }
        return entry.answer();
    }

    public static boolean isWildcard(String host) {
        return host.startsWith("*.");
    }

    static String baseName(String host) {
        String trimmed = host.trim().toLowerCase(java.util.Locale.ROOT);
        return isWildcard(trimmed) ? trimmed.substring(2) : trimmed;
    }

    private Answer lookup(String name) {
        try {
            List<String> cidrs = resolver.resolve(name).stream()
                    .map(DnsCache::toCidr)
                    .distinct()
                    .sorted()
                    .toList();
            return cidrs.isEmpty() ? new Answer(List.of(), name + " has no addresses") : new Answer(cidrs, null);
        } catch (UnknownHostException e) {
            return new Answer(List.of(), name + " does not resolve");
        }
    }

    private static String toCidr(InetAddress address) {
        return address.getHostAddress().replaceFirst("%.*$", "") + (address instanceof Inet6Address ? "/128" : "/32");
    }
}
