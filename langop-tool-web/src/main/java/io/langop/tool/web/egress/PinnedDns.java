package io.langop.tool.web.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Pins host names to the addresses that were checked, so the HTTP client connects to exactly those.
 *
 * <p>The web tools check the addresses a host resolves to before they connect. The JDK HTTP client
 * then resolves the name again on its own; a hostile DNS server answering with a short TTL could
 * hand it {@code 127.0.0.1} the second time (DNS rebinding). Installed as the JVM's resolver (see
 * {@code META-INF/services}), this class answers every lookup of a pinned name from the pin while
 * the fetch that checked it runs, and passes every other lookup to the JDK's resolver untouched.
 */
public final class PinnedDns extends InetAddressResolverProvider {

    private static final Map<String, Pin> PINS = new ConcurrentHashMap<>();
    private static volatile boolean installed;

    @Override
    public InetAddressResolver get(Configuration configuration) {
        installed = true;
        return new PinningResolver(configuration.builtinResolver());
    }

    @Override
    public String name() {
        return "langop-pinned-dns";
    }

    /** Whether the JVM uses this resolver (it does when the jar is on the class path). */
    public static boolean installed() {
        try {
            InetAddress.getByName("localhost"); // the JVM loads its resolver on the first name lookup
        } catch (UnknownHostException ignored) {
            // the lookup only served to load the resolver
        }
        return installed;
    }

    /**
     * Resolves {@code host} with {@code lookup} and keeps answering with that result until the
     * returned pin is closed. Pins of one host nest: the first pin's addresses hold until the last
     * holder closes, so callers must check {@link Pin#addresses()}, not their own lookup.
     */
    public static Pin pin(String host, HostLookup lookup) throws UnknownHostException {
        String key = host.toLowerCase(Locale.ROOT);
        Pin existing = PINS.computeIfPresent(key, (k, pin) -> pin.retain());
        if (existing != null) {
            return existing;
        }
        Pin fresh = new Pin(key, List.copyOf(lookup.resolve(host)));
        return PINS.merge(key, fresh, (current, ignored) -> current.retain());
    }

    /** The addresses a host is pinned to; closing releases the pin. */
    public static final class Pin implements AutoCloseable {
        private final String host;
        private final List<InetAddress> addresses;
        private int holders = 1;

        private Pin(String host, List<InetAddress> addresses) {
            this.host = host;
            this.addresses = addresses;
        }

        public List<InetAddress> addresses() {
            return addresses;
        }

        private synchronized Pin retain() {
            holders++;
            return this;
        }

        @Override
        public void close() {
            PINS.computeIfPresent(host, (k, pin) -> {
                synchronized (pin) {
                    return --pin.holders == 0 ? null : pin;
                }
            });
        }
    }

    /** Pinned names from their pin, everything else from the JDK's own resolver. */
    static final class PinningResolver implements InetAddressResolver {
        private final InetAddressResolver builtin;

        PinningResolver(InetAddressResolver builtin) {
            this.builtin = builtin;
        }

        @Override
        public Stream<InetAddress> lookupByName(String host, LookupPolicy lookupPolicy) throws UnknownHostException {
            Pin pin = PINS.get(host.toLowerCase(Locale.ROOT));
            return pin != null ? pin.addresses().stream() : builtin.lookupByName(host, lookupPolicy);
        }

        @Override
        public String lookupByAddress(byte[] address) throws UnknownHostException {
            return builtin.lookupByAddress(address);
        }
    }
}
