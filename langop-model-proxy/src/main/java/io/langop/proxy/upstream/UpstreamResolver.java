package io.langop.proxy.upstream;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Resolves upstream host names with the JDK (hosts file, {@code resolv.conf} search domains, the JVM's cache) on
 * a virtual thread of the JDK's own scheduler. Netty's default resolver looks names up on the event loop, which
 * here also carries the request threads: a slow DNS answer (Kubernetes' five-second conntrack race) would stop
 * every connection of that loop meanwhile.
 */
final class UpstreamResolver extends AddressResolverGroup<InetSocketAddress> {

    /** Looks a host name up, blocking; {@link InetAddress#getAllByName} but for tests. */
    @FunctionalInterface
    interface Lookup {
        InetAddress[] all(String host) throws UnknownHostException;
    }

    private final Lookup lookup;

    UpstreamResolver() {
        this(InetAddress::getAllByName);
    }

    UpstreamResolver(Lookup lookup) {
        this.lookup = lookup;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetSocketAddressResolver(executor, new InetNameResolver(executor) {
            @Override
            protected void doResolve(String host, Promise<InetAddress> promise) {
                lookUpOffTheLoop(host, promise, all -> all[0]);
            }

            @Override
            protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
                lookUpOffTheLoop(host, promise, Arrays::asList);
            }
        });
    }

    /** Completes {@code promise} from a virtual thread; its listeners still run on the promise's event loop. */
    private <T> void lookUpOffTheLoop(String host, Promise<T> promise, Function<InetAddress[], T> pick) {
        Thread.ofVirtual().name("dns-lookup").start(() -> {
            try {
                promise.trySuccess(pick.apply(lookup.all(host)));
            } catch (UnknownHostException | RuntimeException e) {
                promise.tryFailure(e);
            }
        });
    }
}
