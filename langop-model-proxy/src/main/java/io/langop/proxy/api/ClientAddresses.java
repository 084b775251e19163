package io.langop.proxy.api;

import io.langop.proxy.config.ConnectionLimits;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What each client address holds of the server: open connections, and requests whose body is still arriving,
 * each under its {@link ConnectionLimits} (read when a connection opens or a body starts, so a reload applies to
 * what comes next). An address is forgotten when its last connection closes.
 */
final class ClientAddresses {

    private final Supplier<ConnectionLimits> limits;
    private final Map<InetAddress, Client> clients = new ConcurrentHashMap<>();

    ClientAddresses(Supplier<ConnectionLimits> limits) {
        this.limits = limits;
    }

    /** One client address, shared by its connections. */
    final class Client {
        private final InetAddress address;
        /** Changed only inside the map's compute for this address, which serialises it. */
        private int connections;

        private final AtomicInteger pendingBodies = new AtomicInteger();

        private Client(InetAddress address) {
            this.address = address;
        }

        /** Counts a body that is still arriving; false, counting nothing, when the address has its limit of them. */
        boolean startBody() {
            int limit = limits.get().pendingBodiesPerAddress();
            if (pendingBodies.incrementAndGet() > limit) {
                pendingBodies.decrementAndGet();
                return false;
            }
            return true;
        }

        /** A body counted by {@link #startBody()} has arrived whole, or was given up. */
        void endBody() {
            pendingBodies.decrementAndGet();
        }

        /** The connection that {@link #connect} counted has closed. */
        void disconnect() {
            clients.computeIfPresent(address, (a, client) -> --client.connections == 0 ? null : client);
        }

        int pendingBodies() {
            return pendingBodies.get();
        }
    }

    /** Counts a new connection from {@code address}; null, counting nothing, when the address has its limit. */
    Client connect(InetAddress address) {
        int limit = limits.get().perAddress();
        Client[] admitted = new Client[1];
        clients.compute(address, (a, client) -> {
            Client counted = client == null ? new Client(a) : client;
            if (counted.connections < limit) {
                counted.connections++;
                admitted[0] = counted;
            }
            return counted.connections == 0 ? null : counted;
        });
        return admitted[0];
    }

    /** Addresses with a connection open. */
    int addresses() {
        return clients.size();
    }
}
