package io.langop.proxy.transport;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The proxy's I/O threads: Netty event loops on native epoll where the platform has it, NIO elsewhere. The
 * client-facing server and the upstream client share them, one per core, so a proxied request's bytes move
 * without handing work between more threads than there are cores.
 */
public final class EventLoops implements AutoCloseable {

    /** The event loop that carries the current request's virtual thread; unbound elsewhere. */
    public static final ScopedValue<EventLoop> HOME = ScopedValue.newInstance();

    /**
     * {@code new ThreadBuilders.VirtualThreadBuilder(Executor scheduler)}: the JDK's own, not yet public, way to
     * choose the threads that carry virtual threads. Null when the JDK lacks it or java.lang is not opened to
     * this code ({@code --add-opens java.base/java.lang=ALL-UNNAMED}).
     */
    private static final MethodHandle CARRIED_BUILDER = carriedBuilder();

    private final boolean epoll = Epoll.isAvailable();
    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;

    public EventLoops() {
        acceptor = group(1, "proxy-accept");
        workers = group(Runtime.getRuntime().availableProcessors(), "proxy-io");
    }

    private EventLoopGroup group(int threads, String name) {
        DefaultThreadFactory factory = new DefaultThreadFactory(name, true);
        return epoll ? new EpollEventLoopGroup(threads, factory) : new NioEventLoopGroup(threads, factory);
    }

    private static MethodHandle carriedBuilder() {
        try {
            Class<?> builder = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
            return MethodHandles.privateLookupIn(builder, MethodHandles.lookup())
                    .findConstructor(builder, MethodType.methodType(void.class, Executor.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Makes virtual threads that run on {@code loop} itself: a request's code then hands nothing to another
     * thread, its writes and its upstream's answer are handled by the same thread, and no thread is woken up. Where
     * the JDK does not offer this, ordinary virtual threads.
     */
    public static ThreadFactory requestThreads(EventLoop loop) {
        Thread.Builder.OfVirtual builder = Thread.ofVirtual();
        if (CARRIED_BUILDER != null) {
            try {
                builder = (Thread.Builder.OfVirtual) CARRIED_BUILDER.invoke((Executor) loop);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
        return builder.name("proxy-request").factory();
    }

    /** Accepts client connections. */
    public EventLoopGroup acceptor() {
        return acceptor;
    }

    /** Runs every connection, client-facing and upstream. */
    public EventLoopGroup workers() {
        return workers;
    }

    public Class<? extends ServerChannel> serverChannel() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public Class<? extends Channel> channel() {
        return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** Whether request threads run on the event loops (see {@link #requestThreads}). */
    public static boolean carriesRequestThreads() {
        return CARRIED_BUILDER != null;
    }

    /** What the proxy runs on, for the start-up log. */
    public String kind() {
        return (epoll ? "epoll" : "nio")
                + (carriesRequestThreads()
                        ? ", request threads on the event loops"
                        : ", request threads on the JDK's scheduler (open java.base/java.lang to run them on the event loops)");
    }

    @Override
    public void close() {
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
