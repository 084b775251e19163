package io.langop.proxy.api;

import io.langop.proxy.gateway.Exchange;
import io.langop.proxy.openai.ApiError;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes one answer onto a client connection. A whole answer, and the end of a stream, leave in {@link #finish()},
 * which the connection runs on its event loop in the same task that goes on to its next request: one hand-over
 * to the loop per request. A stream's flushes are written from the request's virtual thread (Netty queues
 * writes from other threads onto the connection's event loop, in order).
 */
final class NettyExchange implements Exchange {

    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.UTF_8);

    private final Channel channel;
    private final boolean keepAlive;
    private volatile boolean committed;
    private Sink sink;
    /** A whole answer, sent when the exchange ends. */
    private FullHttpResponse answer;

    private ChannelFuture lastWrite;

    NettyExchange(Channel channel, boolean keepAlive) {
        this.channel = channel;
        this.keepAlive = keepAlive;
    }

    @Override
    public void respond(int status, String contentType, Map<String, String> headers, byte[] body) {
        commit();
        // No trailers are ever sent: the shared empty set saves a headers object per answer.
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(body),
                DefaultHttpHeadersFactory.headersFactory().newHeaders(),
                EmptyHttpHeaders.INSTANCE);
        HttpHeaders fields = response.headers();
        fields.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        fields.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        headers.forEach(fields::set);
        HttpUtil.setKeepAlive(response, keepAlive);
        answer = response;
    }

    @Override
    public EventSink events(Map<String, String> headers) throws IOException {
        commit();
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        HttpHeaders fields = head.headers();
        fields.set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        fields.set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        // Tells nginx-style ingresses in front of the proxy not to buffer the stream.
        fields.set("X-Accel-Buffering", "no");
        headers.forEach(fields::set);
        HttpUtil.setKeepAlive(head, keepAlive);
        if (!channel.isActive()) {
            throw new IOException("the client closed the connection");
        }
        sink = new Sink(head);
        return sink;
    }

    @Override
    public boolean committed() {
        return committed;
    }

    private void commit() {
        if (committed) {
            throw new IllegalStateException("the answer has already been sent");
        }
        committed = true;
    }

    /**
     * Writes and flushes; waits only while the client reads slower than the answer comes (Netty's write buffer is
     * over its high mark), so a slow client slows the upstream stream down instead of filling memory.
     */
    private void write(Object message) throws IOException {
        if (!channel.isActive()) {
            ReferenceCountUtil.release(message);
            throw new IOException("the client closed the connection");
        }
        lastWrite = channel.writeAndFlush(message);
        if (!channel.isWritable()) {
            lastWrite.awaitUninterruptibly();
            if (!lastWrite.isSuccess()) {
                throw new IOException("the client closed the connection", lastWrite.cause());
            }
        }
    }

    /**
     * Ends the exchange: sends the answer, or a stream's last chunk, or a 500 for a request nobody answered.
     *
     * @return the last write, which the connection closes after when it does not go on
     */
    ChannelFuture finish() {
        if (!committed) {
            try {
                error(ApiError.serverError());
            } catch (IOException cannotHappen) {
                // respond does not throw
            }
        }
        Object last = sink != null ? sink.end() : answer;
        if (last == null) {
            // The stream was committed, but the client had gone before its head could be written: nothing to send.
            return lastWrite != null ? lastWrite : channel.newSucceededFuture();
        }
        // Fails, and frees the message, when the client has gone.
        lastWrite = channel.writeAndFlush(last);
        return lastWrite;
    }

    /**
     * Holds back the head until the first flush: a stream that is whole before anything was sent (the upstream's
     * stream had arrived whole) leaves as one response with a length, like any answer, instead of chunked.
     */
    private final class Sink implements EventSink {
        private HttpResponse head;
        private ByteBuf pending;

        Sink(HttpResponse head) {
            this.head = head;
        }

        @Override
        public void send(byte[] data) {
            if (pending == null) {
                // Room for a few events of this size at once: growing a buffer copies it.
                pending = Unpooled.buffer(Math.max(1024, 4 * data.length));
            }
            int line = 0;
            for (int i = 0; i < data.length; i++) {
                if (data[i] == '\n') {
                    pending.writeBytes(DATA).writeBytes(data, line, i + 1 - line);
                    line = i + 1;
                }
            }
            pending.writeBytes(DATA).writeBytes(data, line, data.length - line).writeBytes(EVENT_END);
        }

        @Override
        public void flush() throws IOException {
            if (head != null) {
                if (!channel.isActive()) {
                    throw new IOException("the client closed the connection");
                }
                HttpUtil.setTransferEncodingChunked(head, true);
                // A failed write of the head fails the content written after it, which is checked.
                channel.write(head).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
                head = null;
            }
            if (pending != null) {
                ByteBuf out = pending;
                pending = null;
                write(new DefaultHttpContent(out));
            } else if (!channel.isActive()) {
                throw new IOException("the client closed the connection");
            } else {
                channel.flush();
            }
        }

        /** The end of the stream: what is buffered, as the last chunk or, when nothing was sent yet, the answer. */
        Object end() {
            ByteBuf rest = pending == null ? Unpooled.EMPTY_BUFFER : pending;
            pending = null;
            if (head != null) {
                head.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, rest.readableBytes());
                FullHttpResponse whole = new DefaultFullHttpResponse(
                        head.protocolVersion(), head.status(), rest, head.headers(), EmptyHttpHeaders.INSTANCE);
                head = null;
                return whole;
            }
            return rest.isReadable()
                    ? new DefaultLastHttpContent(rest, EmptyHttpHeaders.INSTANCE)
                    : LastHttpContent.EMPTY_LAST_CONTENT;
        }
    }
}
