package io.langop.proxy.api;

import io.langop.proxy.api.ProxyApi.Admission;
import io.langop.proxy.openai.ApiError;
import io.langop.proxy.transport.BoundedBody;
import io.langop.proxy.transport.EventLoops;
import io.langop.trace.TraceHeaders;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection. Each request is decided from its head first ({@link ProxyApi#admit}: path, method,
 * client key, body limit), so a refused one never makes the proxy hold its body; an admitted one's body is
 * gathered as its bytes arrive, and it is answered on a virtual thread carried by this connection's event loop.
 * A body that does not arrive in the same read as its head counts against its client address's limit of pending
 * bodies and must arrive whole within the body timeout. Requests on a connection are answered one at a time, in
 * order; what a pipelining client sends meanwhile waits, and reading pauses once {@value #MAX_WAITING} messages or
 * {@value #MAX_WAITING_BYTES} bytes wait. A request's headers must arrive within the head timeout of their first byte,
 * so that a client trickling header bytes inside the idle timeout cannot hold a connection for good. Every method
 * runs on the connection's event loop.
 */
final class ProxyConnection extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyConnection.class);

    /**
     * Messages (request heads and body chunks of up to 8 KiB) a pipelining client may send ahead before the
     * connection stops being read. Reading is not paused for each request: that would cost two system calls.
     */
    private static final int MAX_WAITING = 64;
    /** Body bytes a pipelining client may send ahead before the connection stops being read. */
    private static final int MAX_WAITING_BYTES = 64 * 1024;
    /**
     * How long a refused request's connection stays open after the answer, its output shut, dropping what the client
     * still sends: closing at once could reset the connection before the client has read why it was refused.
     */
    static final Duration LINGER = Duration.ofSeconds(2);

    private final ProxyApi api;
    /** The server's count of requests being answered, which a request leaves once its last byte is written. */
    private final AtomicInteger inProgress;

    private final ChannelFutureListener answerWritten;
    /** Makes request threads carried by this connection's event loop. */
    private final ThreadFactory threads;

    private final ClientAddresses addresses;
    /** This connection's address, counted while the connection is open; null when it was refused. */
    private ClientAddresses.Client client;
    /** Messages a pipelining client sent after the request in progress; handled when it is answered. */
    private final Queue<Object> waiting = new ArrayDeque<>();

    private int waitingBytes;
    /** The request being read; null between requests and after a refusal. */
    private HttpRequest request;

    private String path;
    private Admission.Admitted admitted;
    private BoundedBody body;
    /** Set while the request's body is counted as pending for its address: it must arrive by then. */
    private ScheduledFuture<?> bodyDeadline;
    /** Set while the bytes of a request's headers arrive: they must be whole by then. */
    private ScheduledFuture<?> headDeadline;
    /** Whether the socket read in progress gave a message: one that gave none holds part of a request's headers. */
    private boolean readGaveMessage;

    private boolean busy;
    /** A request was refused and the connection is closing: whatever still arrives is dropped. */
    private boolean discarding;

    ProxyConnection(ProxyApi api, AtomicInteger inProgress, ThreadFactory threads, ClientAddresses addresses) {
        this.api = api;
        this.inProgress = inProgress;
        this.answerWritten = written -> inProgress.decrementAndGet();
        this.threads = threads;
        this.addresses = addresses;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        client = addresses.connect(remote.getAddress());
        if (client == null) {
            // Logged at debug only: a client that floods the proxy with connections would flood its log too.
            LOG.debug("{} has its limit of connections open; closing a further one", remote.getAddress());
            close(ctx);
            return;
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        readGaveMessage = true;
        if (message instanceof HttpRequest) {
            headDone();
        }
        handle(ctx, message);
    }

    /** Handles a message read now, or one a pipelining client sent while the request before it was answered. */
    private void handle(ChannelHandlerContext ctx, Object message) {
        if (discarding) {
            ReferenceCountUtil.release(message);
            return;
        }
        if (busy) {
            hold(ctx, message);
            return;
        }
        if (message instanceof HttpRequest head) {
            begin(ctx, head);
        }
        if (message instanceof HttpContent content) {
            try {
                append(ctx, content);
            } finally {
                content.release();
            }
        } else {
            ReferenceCountUtil.release(message);
        }
    }

    /** Keeps what a pipelining client sent while a request is in progress, pausing reading when enough waits. */
    private void hold(ChannelHandlerContext ctx, Object message) {
        waiting.add(message);
        if (message instanceof HttpContent content) {
            waitingBytes += content.content().readableBytes();
        }
        if ((waiting.size() >= MAX_WAITING || waitingBytes >= MAX_WAITING_BYTES)
                && ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    private void begin(ChannelHandlerContext ctx, HttpRequest head) {
        if (head.decoderResult().isFailure()) {
            refuse(
                    ctx,
                    ApiError.invalidRequest(
                            "The request is not valid HTTP/1.1: "
                                    + head.decoderResult().cause().getMessage(),
                            null,
                            "invalid_http"),
                    true);
            return;
        }
        String uri = head.uri();
        int query = uri.indexOf('?');
        String target = query < 0 ? uri : uri.substring(0, query);
        Admission admission =
                api.admit(head.method().name(), target, head.headers().get(HttpHeaderNames.AUTHORIZATION));
        if (admission instanceof Admission.Refused refused) {
            // Without a body the connection can go on; with one, the body would have to be read first.
            boolean bodyless = !HttpUtil.isTransferEncodingChunked(head) && HttpUtil.getContentLength(head, 0L) == 0;
            refuse(ctx, refused.error(), !bodyless || !HttpUtil.isKeepAlive(head));
            return;
        }
        Admission.Admitted accepted = (Admission.Admitted) admission;
        long declared = HttpUtil.getContentLength(head, -1L);
        if (declared > accepted.maxBodyBytes()) {
            refuse(ctx, ApiError.tooLarge(accepted.maxBodyBytes()), true);
            return;
        }
        String expectation = head.headers().get(HttpHeaderNames.EXPECT);
        if (expectation != null) {
            if (!HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expectation)) {
                refuse(ctx, ApiError.expectationFailed(), true);
                return;
            }
            // Only now that the head is accepted: a client that waits for this sends no body that would be refused.
            ctx.writeAndFlush(new DefaultFullHttpResponse(
                            HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER))
                    .addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
            head.headers().remove(HttpHeaderNames.EXPECT);
        }
        request = head;
        path = target;
        admitted = accepted;
        body = new BoundedBody(accepted.maxBodyBytes(), declared);
    }

    private void append(ChannelHandlerContext ctx, HttpContent content) {
        if (request == null) {
            return;
        }
        if (!body.add(content.content())) {
            refuse(ctx, ApiError.tooLarge(body.limit()), true);
            return;
        }
        if (content instanceof LastHttpContent) {
            dispatch(ctx);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        awaitHead(ctx);
        awaitBody(ctx);
        ctx.fireChannelReadComplete();
    }

    /**
     * A read that gave the decoder no whole message, between requests, began (or went on with) a request's headers:
     * the first such read sets their deadline. An idle keep-alive connection reads nothing and gets none.
     */
    private void awaitHead(ChannelHandlerContext ctx) {
        boolean partialHead = !readGaveMessage && request == null && !busy && !discarding && client != null;
        readGaveMessage = false;
        if (!partialHead || headDeadline != null) {
            return;
        }
        Duration timeout = api.connectionLimits().headTimeout();
        headDeadline = ctx.executor()
                .schedule(
                        () -> {
                            headDeadline = null;
                            if (request == null && !busy && !discarding) {
                                refuse(ctx, ApiError.headTimeout(timeout), true);
                            }
                        },
                        timeout.toNanos(),
                        TimeUnit.NANOSECONDS);
    }

    /** The headers being read arrived whole, or the connection ends. */
    private void headDone() {
        if (headDeadline != null) {
            headDeadline.cancel(false);
            headDeadline = null;
        }
    }

    /**
     * A request whose body did not come with its head counts as pending for its address and gets a deadline.
     * Most requests arrive in one read and never get here: the common case pays for neither.
     */
    private void awaitBody(ChannelHandlerContext ctx) {
        if (request == null || bodyDeadline != null || discarding || client == null) {
            return;
        }
        if (!client.startBody()) {
            refuse(ctx, ApiError.tooManyPendingBodies(api.connectionLimits().pendingBodiesPerAddress()), true);
            return;
        }
        HttpRequest pending = request;
        Duration timeout = api.connectionLimits().bodyTimeout();
        bodyDeadline = ctx.executor()
                .schedule(
                        () -> {
                            if (request == pending) {
                                refuse(ctx, ApiError.bodyTimeout(timeout), true);
                            }
                        },
                        timeout.toNanos(),
                        TimeUnit.NANOSECONDS);
    }

    /** The request being read no longer waits for its body: it arrived whole, or was given up. */
    private void bodyDone() {
        if (bodyDeadline != null) {
            bodyDeadline.cancel(false);
            bodyDeadline = null;
            client.endBody();
        }
    }

    /**
     * Answers an error at once. When the connection cannot go on ({@code close}: the rest of the request would have
     * to be read first) it closes, lingering first so that the client reads the answer.
     */
    private void refuse(ChannelHandlerContext ctx, ApiError error, boolean close) {
        bodyDone();
        request = null;
        path = null;
        admitted = null;
        body = null;
        NettyExchange exchange = new NettyExchange(ctx.channel(), !close);
        try {
            exchange.error(error);
        } catch (IOException cannotHappen) {
            // a whole answer is only sent by finish()
        }
        ChannelFuture answered = exchange.finish();
        if (close) {
            discarding = true;
            answered.addListener(written -> linger(ctx));
        }
    }

    /**
     * Shuts the output (the client sees the answer end) and closes once the client has, or after the linger time
     * (the timer needs no cancelling: closing a closed connection does nothing).
     */
    @SuppressWarnings("FutureReturnValueIgnored")
    private static void linger(ChannelHandlerContext ctx) {
        if (ctx.channel() instanceof DuplexChannel duplex && ctx.channel().isActive()) {
            duplex.shutdownOutput().addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            ctx.executor().schedule(() -> close(ctx), LINGER.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            close(ctx);
        }
    }

    private void dispatch(ChannelHandlerContext ctx) {
        bodyDone();
        busy = true;
        HttpRequest head = request;
        ApiRequest call = new ApiRequest(
                admitted.route(),
                head.method().name(),
                path,
                admitted.client(),
                body.toArray(),
                TraceHeaders.extract(head.headers()::get),
                head.headers().get(HttpHeaderNames.ACCEPT));
        request = null;
        path = null;
        admitted = null;
        body = null;
        boolean keepAlive = HttpUtil.isKeepAlive(head);
        NettyExchange exchange = new NettyExchange(ctx.channel(), keepAlive);
        inProgress.incrementAndGet();
        threads.newThread(() -> {
                    try {
                        ScopedValue.where(EventLoops.HOME, ctx.channel().eventLoop())
                                .call(() -> {
                                    api.handle(call, exchange);
                                    return null;
                                });
                    } catch (IOException clientGone) {
                        LOG.debug("client went away during {} {}", call.method(), call.path());
                    } catch (RuntimeException | Error e) {
                        LOG.error("request to {} failed", call.path(), e);
                    } finally {
                        ctx.executor().execute(() -> {
                            ChannelFuture answered = exchange.finish();
                            answered.addListener(answerWritten);
                            if (!keepAlive) {
                                answered.addListener(ChannelFutureListener.CLOSE);
                            }
                            answered(ctx, keepAlive);
                        });
                    }
                })
                .start();
    }

    private void answered(ChannelHandlerContext ctx, boolean keepAlive) {
        busy = false;
        if (!keepAlive) {
            dropWaiting();
            return;
        }
        while (!busy && !discarding && !waiting.isEmpty()) {
            Object next = waiting.poll();
            if (next instanceof HttpContent content) {
                waitingBytes -= content.content().readableBytes();
            }
            handle(ctx, next);
        }
        awaitBody(ctx);
        if (!busy && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    private void dropWaiting() {
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
        waitingBytes = 0;
    }

    /**
     * A connection that sent nothing for a while is closed unless a request is being answered on it; a body still
     * pending is no reason to keep it, its own deadline is shorter anyway.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            if (!busy) {
                close(ctx);
            }
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        headDone();
        bodyDone();
        dropWaiting();
        if (client != null) {
            client.disconnect();
            client = null;
        }
        ctx.fireChannelInactive();
    }

    /** Closes the connection; the future Netty returns only tells when that is done, which nothing waits for. */
    @SuppressWarnings("FutureReturnValueIgnored")
    private static void close(ChannelHandlerContext ctx) {
        ctx.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("client connection failed: {}", cause.toString());
        close(ctx);
    }
}
