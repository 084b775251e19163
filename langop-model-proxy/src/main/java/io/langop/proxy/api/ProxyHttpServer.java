package io.langop.proxy.api;

import io.langop.proxy.transport.EventLoops;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's HTTP/1.1 server: Netty, on the proxy's {@link EventLoops}. Each request, once read whole, is
 * answered by {@link ProxyApi} on a virtual thread of its own, carried by the event loop of its connection. On
 * the fake-upstream benchmark this costs about half the CPU per request that Jetty's servlet stack did
 * (bench/model-proxy/README.md).
 *
 * <p>Stopping is in steps, which {@code ModelProxy} takes: {@link #stopAccepting()}, {@link #awaitIdle} for the
 * requests in progress, then {@link #close()} closes the connections.
 */
public final class ProxyHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyHttpServer.class);
    /** A connection that sent nothing for this long and has no request in progress is closed. */
    static final int IDLE_CONNECTION_SECONDS = 60;

    private final Channel listener;
    private final ChannelGroup connections;
    /** Requests being answered: from when they were read whole until their answer's last byte was written. */
    private final AtomicInteger inProgress;

    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);

    private ProxyHttpServer(Channel listener, ChannelGroup connections, AtomicInteger inProgress) {
        this.listener = listener;
        this.connections = connections;
        this.inProgress = inProgress;
    }

    /** Listens on {@code listen}: every interface when its address is the wildcard, any free port when it is 0. */
    public static ProxyHttpServer start(InetSocketAddress listen, ProxyApi api, EventLoops loops) {
        ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        AtomicInteger inProgress = new AtomicInteger();
        ClientAddresses addresses = new ClientAddresses(api::connectionLimits);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops.acceptor(), loops.workers())
                .channel(loops.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel connection) {
                        connections.add(connection);
                        connection
                                .pipeline()
                                .addLast(
                                        new HttpServerCodec(),
                                        // Watches reads only: watching writes too would hook a listener onto every
                                        // write.
                                        new IdleStateHandler(IDLE_CONNECTION_SECONDS, 0, 0),
                                        new ProxyConnection(
                                                api,
                                                inProgress,
                                                EventLoops.requestThreads(connection.eventLoop()),
                                                addresses));
                    }
                });
        try {
            Channel listener = bootstrap.bind(listen).syncUninterruptibly().channel();
            ProxyHttpServer server = new ProxyHttpServer(listener, connections, inProgress);
            LOG.info("model-proxy listening on {} ({})", server.address(), loops.kind());
            return server;
        } catch (RuntimeException e) {
            throw new IllegalStateException("model-proxy could not listen on " + listen + ": " + e.getMessage(), e);
        }
    }

    /** The address and port listened on. */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    public int port() {
        return address().getPort();
    }

    /** {@code http://<address>:<port>}, with {@code localhost} when every interface is listened on. */
    public URI uri() {
        InetAddress address = address().getAddress();
        String host = address.isAnyLocalAddress()
                ? "localhost"
                : address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return URI.create("http://" + host + ":" + port());
    }

    /** Blocks until the server has closed. */
    public void join() throws InterruptedException {
        closed.await();
    }

    /** Closes the listener: no new connection is accepted; those open go on. */
    public void stopAccepting() {
        listener.close().syncUninterruptibly();
    }

    /** Requests being answered now. */
    public int inProgress() {
        return inProgress.get();
    }

    /** Waits until no request is being answered, at most {@code timeout}; true when none is. */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inProgress.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return inProgress.get() == 0;
    }

    /** Closes the listener and every connection, whatever is in progress on them. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        stopAccepting();
        connections.close().awaitUninterruptibly();
        LOG.info("model-proxy stopped");
        closed.countDown();
    }
}
