package io.langop.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.proxy.transport.EventLoops;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UpstreamResolverTest {

    @Test
    // The lookup is started on the loop, whose own future only hands the lookup's future out: it is read at once.
    @SuppressWarnings("FutureReturnValueIgnored")
    void aSlowLookupDoesNotHoldUpItsEventLoop() throws Exception {
        CountDownLatch dnsAnswers = new CountDownLatch(1);
        UpstreamResolver resolver = new UpstreamResolver(host -> {
            try {
                dnsAnswers.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {10, 0, 0, 7})};
        });
        try (EventLoops loops = new EventLoops();
                resolver) {
            EventLoop loop = loops.workers().next();
            Future<InetSocketAddress> resolved = loop.submit(() -> resolver.getResolver(loop)
                            .resolve(InetSocketAddress.createUnresolved("vllm.models.svc", 8000)))
                    .get(5, TimeUnit.SECONDS);

            // The lookup waits; the loop goes on with other work.
            assertThat(loop.submit(() -> "ran").get(5, TimeUnit.SECONDS)).isEqualTo("ran");
            assertThat(resolved.isDone()).isFalse();

            dnsAnswers.countDown();
            InetSocketAddress address = resolved.get(5, TimeUnit.SECONDS);
            assertThat(address.getAddress().getHostAddress()).isEqualTo("10.0.0.7");
            assertThat(address.getPort()).isEqualTo(8000);
        }
    }

    @Test
    void anUnknownNameFailsTheResolution() throws Exception {
        UpstreamResolver resolver = new UpstreamResolver(host -> {
            throw new UnknownHostException(host + ": Name or service not known");
        });
        try (EventLoops loops = new EventLoops();
                resolver) {
            EventLoop loop = loops.workers().next();
            Future<InetSocketAddress> resolved = resolver.getResolver(loop)
                    .resolve(InetSocketAddress.createUnresolved("nowhere.invalid", 443))
                    .await();

            assertThat(resolved.cause())
                    .isInstanceOf(UnknownHostException.class)
                    .hasMessageContaining("nowhere.invalid");
        }
    }
}
