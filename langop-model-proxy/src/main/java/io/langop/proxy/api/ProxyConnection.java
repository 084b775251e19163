package io.langop.proxy.api;

import io.langop.proxy.openai.ApiError;
import io.langop.proxy.transport.BoundedBody;
import io.langop.proxy.transport.EventLoops;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: reads each request whole (refusing bodies over the configured limit without reading
 * them), then answers it on a virtual thread carried by this connection's event loop. Requests on a connection
 * are answered one at a time, in order; what a pipelining client sends meanwhile waits, and reading pauses once
 * {@value #MAX_WAITING} messages wait. Every method runs on the connection's event loop.
 */
final class ProxyConnection extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyConnection.class);

    /**
     * Messages (request heads and body chunks of up to 8 KiB) a pipelining client may send ahead before the
     * connection stops being read. Reading is not paused for each request: that would cost two system calls.
     */
    private static final int MAX_WAITING = 64;

    private final ProxyApi api;
    private final AtomicInteger inProgress;
    /** Makes request threads carried by this connection's event loop. */
    private final ThreadFactory threads;
    /** Messages a pipelining client sent after the request in progress; handled when it is answered. */
    private final Queue<Object> waiting = new ArrayDeque<>();
    /** The request being read; null between requests and after a refusal (the rest of its body is dropped). */
    private HttpRequest request;

    private BoundedBody body;
    private boolean busy;

    ProxyConnection(ProxyApi api, AtomicInteger inProgress, ThreadFactory threads) {
        this.api = api;
        this.inProgress = inProgress;
        this.threads = threads;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (busy) {
            waiting.add(message);
            if (waiting.size() == MAX_WAITING) {
                ctx.channel().config().setAutoRead(false);
            }
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

    private void begin(ChannelHandlerContext ctx, HttpRequest head) {
        if (head.decoderResult().isFailure()) {
            refuse(
                    ctx,
                    ApiError.invalidRequest(
                            "The request is not valid HTTP/1.1: "
                                    + head.decoderResult().cause().getMessage(),
                            null,
                            "invalid_http"));
            return;
        }
        long limit = api.maxRequestBytes();
        long declared = HttpUtil.getContentLength(head, -1L);
        if (declared > limit) {
            refuse(ctx, ApiError.tooLarge(limit));
            return;
        }
        request = head;
        body = new BoundedBody(limit, declared);
    }

    private void append(ChannelHandlerContext ctx, HttpContent content) {
        if (request == null) {
            return;
        }
        if (!body.add(content.content())) {
            refuse(ctx, ApiError.tooLarge(body.limit()));
            return;
        }
        if (content instanceof LastHttpContent) {
            dispatch(ctx);
        }
    }

    /** Answers an error at once and closes the connection: what follows on it cannot be read as a request. */
    private void refuse(ChannelHandlerContext ctx, ApiError error) {
        NettyExchange exchange = new NettyExchange(ctx.channel(), false);
        try {
            exchange.error(error);
        } catch (IOException e) {
            // the connection is being closed either way
        }
        exchange.finish();
        request = null;
        body = null;
    }

    private void dispatch(ChannelHandlerContext ctx) {
        busy = true;
        HttpRequest head = request;
        byte[] bytes = body.toArray();
        request = null;
        body = null;
        String uri = head.uri();
        int query = uri.indexOf('?');
        ApiRequest call = new ApiRequest(
                head.method().name(),
                query < 0 ? uri : uri.substring(0, query),
                head.headers().get(HttpHeaderNames.AUTHORIZATION),
                bytes);
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
                        inProgress.decrementAndGet();
                        ctx.executor().execute(() -> {
                            exchange.finish();
                            answered(ctx, keepAlive);
                        });
                    }
                })
                .start();
    }

    private void answered(ChannelHandlerContext ctx, boolean keepAlive) {
        busy = false;
        if (!keepAlive) {
            waiting.forEach(ReferenceCountUtil::release);
            waiting.clear();
            return;
        }
        while (!busy && !waiting.isEmpty()) {
            channelRead(ctx, waiting.poll());
        }
        if (!busy && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent && !busy && request == null) {
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("client connection failed: {}", cause.toString());
        ctx.close();
    }
}
