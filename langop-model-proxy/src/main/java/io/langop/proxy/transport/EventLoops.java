package io.langop.proxy.transport;

import io.netty.channel.Channel;
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
import java.util.concurrent.TimeUnit;

/**
 * The proxy's I/O threads: Netty event loops on native epoll where the platform has it, NIO elsewhere. The
 * client-facing server and the upstream client share them, one per core, so a proxied request's bytes move
 * without handing work between more threads than there are cores.
 */
public final class EventLoops implements AutoCloseable {

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

  /** {@code epoll} or {@code nio}, for the start-up log. */
  public String kind() {
    return epoll ? "epoll" : "nio";
  }

  @Override
  public void close() {
    workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
