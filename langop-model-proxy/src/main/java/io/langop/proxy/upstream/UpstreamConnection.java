package io.langop.proxy.upstream;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.pool.ChannelPool;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * One pooled upstream connection: carries one request at a time and hands its answer to the waiting request
 * thread, whole or as a {@link StreamBody}. When the answer is complete the connection goes back to its pool
 * (or is closed when the upstream said so); a failed or abandoned request closes it.
 */
final class UpstreamConnection extends ChannelInboundHandlerAdapter {

  /** Status line and the headers the proxy uses. */
  record Head(int status, String retryAfter) {
  }

  /** One request's answer; completed on the connection's event loop. */
  final class Exchange implements StreamBody.Connection {
    final CompletableFuture<Head> head = new CompletableFuture<>();
    final CompletableFuture<byte[]> whole = new CompletableFuture<>();
    final StreamBody stream;
    private final ByteArrayOutputStream body;
    private final long maxBytes;
    private final boolean reused;

    Exchange(boolean streaming, long maxBytes, boolean reused) {
      this.reused = reused;
      this.stream = streaming ? new StreamBody(this) : null;
      this.body = streaming ? null : new ByteArrayOutputStream();
      this.maxBytes = maxBytes;
    }

    @Override
    public void pauseReading(boolean paused) {
      channel.config().setAutoRead(!paused);
    }

    /** Abandons the request: the connection is closed, since the rest of the answer would still arrive on it. */
    @Override
    public void abort() {
      abort(new IOException("upstream request aborted"));
    }

    /** As {@link #abort()}, failing the request with {@code cause}; from any thread. */
    void abort(IOException cause) {
      channel.eventLoop().execute(() -> {
        if (current == this) {
          fail(cause);
        }
      });
    }

    /** Whether the connection carried an earlier request (a server may have closed it while it idled). */
    boolean reused() {
      return reused;
    }
  }

  private final ChannelPool pool;
  private Channel channel;
  private volatile Exchange current;
  private boolean keepAlive;
  private long releasedAt = System.nanoTime();
  private int requests;

  UpstreamConnection(ChannelPool pool) {
    this.pool = pool;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
  }

  /** Starts a request on this connection (acquired from the pool, so no other request is on it). */
  Exchange begin(boolean streaming, long maxBytes) {
    Exchange exchange = new Exchange(streaming, maxBytes, requests++ > 0);
    current = exchange;
    return exchange;
  }

  /** How long the connection has been idle in the pool. */
  long idleNanos() {
    return System.nanoTime() - releasedAt;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    try {
      Exchange exchange = current;
      if (exchange == null) {
        return; // nothing was asked: an upstream that talks out of turn is closed
      }
      if (message instanceof HttpResponse response) {
        keepAlive = HttpUtil.isKeepAlive(response);
        exchange.head.complete(new Head(response.status().code(),
            response.headers().get(HttpHeaderNames.RETRY_AFTER)));
      }
      if (message instanceof HttpContent content) {
        byte[] bytes = ByteBufUtil.getBytes(content.content());
        if (exchange.stream != null) {
          exchange.stream.offer(bytes);
        } else if (exchange.body.size() + (long) bytes.length > exchange.maxBytes) {
          fail(new IOException("the upstream's answer exceeds " + exchange.maxBytes + " bytes"));
          return;
        } else {
          exchange.body.writeBytes(bytes);
        }
        if (content instanceof LastHttpContent) {
          complete(exchange);
        }
      }
    } finally {
      ReferenceCountUtil.release(message);
    }
  }

  private void complete(Exchange exchange) {
    current = null;
    if (exchange.stream != null) {
      exchange.stream.end();
    } else {
      exchange.whole.complete(exchange.body.toByteArray());
    }
    channel.config().setAutoRead(true);
    if (keepAlive) {
      releasedAt = System.nanoTime();
      pool.release(channel);
    } else {
      channel.close();
    }
  }

  /** Fails the request in progress, if any, and closes the connection. */
  private void fail(IOException cause) {
    Exchange exchange = current;
    current = null;
    if (exchange != null) {
      exchange.head.completeExceptionally(cause);
      exchange.whole.completeExceptionally(cause);
      if (exchange.stream != null) {
        exchange.stream.fail(cause);
      }
    }
    channel.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (current != null) {
      fail(new IOException("the upstream closed the connection"));
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    fail(cause instanceof IOException io ? io : new IOException(cause));
  }
}
