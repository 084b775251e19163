package io.langop.proxy.upstream;

import io.langop.proxy.transport.BoundedBody;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.pool.ChannelPool;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One pooled upstream connection: carries one request at a time and hands its answer to the waiting request
 * thread, whole or as a {@link StreamBody}. When the answer is complete the connection goes back to its pool
 * (or is closed when the upstream said so); a failed or abandoned request closes it. Everything but
 * {@link #start} runs on the connection's event loop, which also keeps each request's deadline (for streams:
 * the longest silence allowed between chunks): the waiting thread parks without a timer of its own.
 */
final class UpstreamConnection extends ChannelInboundHandlerAdapter {

    /** Status line and the headers the proxy uses. */
    record Head(int status, String retryAfter) {}

    /** One request's answer, completed on the event loop of the connection that carries it. */
    static final class Exchange implements StreamBody.Connection {
        final CompletableFuture<Head> head = new CompletableFuture<>();
        final CompletableFuture<byte[]> whole = new CompletableFuture<>();
        final StreamBody stream;
        private final long maxBytes;
        private BoundedBody body;
        private volatile UpstreamConnection connection;
        private volatile boolean abandoned;
        private boolean reused;
        private ScheduledFuture<?> deadline;
        private long timeoutNanos;
        private long lastActivity;

        Exchange(boolean streaming, long maxBytes) {
            this.stream = streaming ? new StreamBody(this) : null;
            this.maxBytes = maxBytes;
        }

        @Override
        public void pauseReading(boolean paused) {
            UpstreamConnection carrier = connection;
            if (carrier != null) {
                carrier.channel.config().setAutoRead(!paused);
            }
        }

        /** Abandons the request: the connection is closed, since the rest of the answer would still arrive on it. */
        @Override
        public void abort() {
            abort(new IOException("upstream request aborted"));
        }

        /** As {@link #abort()}, failing the request with {@code cause}; from any thread. */
        void abort(IOException cause) {
            abandoned = true;
            UpstreamConnection carrier = connection;
            if (carrier == null) {
                failed(cause); // not started: start() hands the connection back unused
            } else {
                carrier.channel.eventLoop().execute(() -> carrier.failIfCurrent(this, cause));
            }
        }

        /** Whether the connection had carried an earlier request (a server may have closed it while it idled). */
        boolean reused() {
            return reused;
        }

        /** Whether the upstream's status line arrived. */
        boolean answered() {
            return head.state() == java.util.concurrent.Future.State.SUCCESS;
        }

        void failed(IOException cause) {
            if (deadline != null) {
                deadline.cancel(false);
            }
            head.completeExceptionally(cause);
            whole.completeExceptionally(cause);
            if (stream != null) {
                stream.fail(cause);
            }
        }
    }

    private final ChannelPool pool;
    private Channel channel;
    private Exchange current;
    private boolean keepAlive;
    /** An interim (1xx) answer is being read. */
    private boolean interim;

    private int requests;

    UpstreamConnection(ChannelPool pool) {
        this.pool = pool;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    /**
     * Sends {@code request} on this connection (just acquired from the pool, so no other request is on it) and
     * fails it with {@link UpstreamClient.UpstreamTimeoutException} when {@code timeoutNanos} pass before the
     * whole answer has arrived, or for streams before the status line or between two chunks. From any thread.
     */
    void start(Exchange exchange, FullHttpRequest request, long timeoutNanos) {
        if (!channel.eventLoop().inEventLoop()) {
            channel.eventLoop().execute(() -> start(exchange, request, timeoutNanos));
            return;
        }
        if (exchange.abandoned) {
            release();
            return;
        }
        current = exchange;
        exchange.connection = this;
        exchange.reused = requests++ > 0;
        exchange.timeoutNanos = timeoutNanos;
        exchange.lastActivity = System.nanoTime();
        exchange.deadline = channel.eventLoop().schedule(() -> deadline(exchange), timeoutNanos, TimeUnit.NANOSECONDS);
        channel.writeAndFlush(request).addListener(written -> {
            if (!written.isSuccess()) {
                failIfCurrent(exchange, new IOException("could not send the request upstream", written.cause()));
            }
        });
    }

    /**
     * A whole answer or a stream's status line that is late fails; a stream that has been silent less than the
     * timeout, or that is paused because its reader is behind, is checked again when it could next be late.
     */
    private void deadline(Exchange exchange) {
        if (current != exchange) {
            return;
        }
        if (exchange.stream != null && exchange.answered()) {
            long quiet = System.nanoTime() - exchange.lastActivity;
            if (!channel.config().isAutoRead() || quiet < exchange.timeoutNanos) {
                long next = channel.config().isAutoRead() ? exchange.timeoutNanos - quiet : exchange.timeoutNanos;
                exchange.deadline = channel.eventLoop().schedule(() -> deadline(exchange), next, TimeUnit.NANOSECONDS);
                return;
            }
        }
        failIfCurrent(exchange, new UpstreamClient.UpstreamTimeoutException(false));
    }

    /** Closes a connection that has idled in its pool for too long; the pool drops it when next asked. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent && current == null) {
            close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        try {
            Exchange exchange = current;
            if (exchange == null) {
                return; // nothing was asked: an upstream that talks out of turn is ignored
            }
            if (message instanceof HttpResponse response) {
                if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                    // 100 Continue, 103 Early Hints: the answer follows; skipped with the empty content Netty adds.
                    interim = true;
                    return;
                }
                keepAlive = HttpUtil.isKeepAlive(response);
                exchange.lastActivity = System.nanoTime();
                if (exchange.stream == null) {
                    exchange.body = new BoundedBody(exchange.maxBytes, HttpUtil.getContentLength(response, -1L));
                }
                exchange.head.complete(
                        new Head(response.status().code(), response.headers().get(HttpHeaderNames.RETRY_AFTER)));
            }
            if (message instanceof HttpContent content) {
                if (interim) {
                    interim = !(content instanceof LastHttpContent);
                    return;
                }
                if (exchange.stream != null) {
                    exchange.lastActivity = System.nanoTime();
                    exchange.stream.offer(ByteBufUtil.getBytes(content.content()));
                } else if (!exchange.body.add(content.content())) {
                    failIfCurrent(
                            exchange, new IOException("the upstream's answer exceeds " + exchange.maxBytes + " bytes"));
                    return;
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
        exchange.deadline.cancel(false);
        if (exchange.stream != null) {
            exchange.stream.end();
        } else {
            exchange.whole.complete(exchange.body.toArray());
        }
        channel.config().setAutoRead(true);
        if (keepAlive) {
            release();
        } else {
            close();
        }
    }

    /** Fails the request in progress, if there is one, with {@code cause}, closing the connection; from any thread. */
    void abortCurrent(IOException cause) {
        if (!channel.eventLoop().inEventLoop()) {
            channel.eventLoop().execute(() -> abortCurrent(cause));
            return;
        }
        if (current != null) {
            failIfCurrent(current, cause);
        }
    }

    /** Fails {@code exchange} if it is still the request in progress, and closes the connection. */
    private void failIfCurrent(Exchange exchange, IOException cause) {
        if (current != exchange) {
            return;
        }
        current = null;
        exchange.failed(cause);
        close();
    }

    /** Back to the pool, whose future tells nothing to act on: a pool that is closing closes the connection. */
    @SuppressWarnings("FutureReturnValueIgnored")
    private void release() {
        pool.release(channel);
    }

    /** Closes the connection; the future Netty returns only tells when that is done, which nothing waits for. */
    @SuppressWarnings("FutureReturnValueIgnored")
    private void close() {
        channel.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (current != null) {
            failIfCurrent(current, new IOException("the upstream closed the connection"));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (current != null) {
            failIfCurrent(current, cause instanceof IOException io ? io : new IOException(cause));
        } else {
            close();
        }
    }
}
