package io.langop.proxy.upstream;

import io.langop.proxy.transport.EventLoops;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.ChannelPool;
import io.netty.channel.pool.SimpleChannelPool;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends upstream requests over pooled keep-alive HTTP/1.1 connections (TLS for {@code https://}, with the
 * JDK's trust store and host name verification) that run on the proxy's {@link EventLoops}. The event loop
 * acquires the connection, sends, keeps the deadline and reads the answer; the calling (virtual) thread only
 * waits for it, woken directly by the event loop. No transparent
 * gzip, redirects, cookies or 401 handling: bytes and statuses go through as the upstream sent them.
 */
public final class UpstreamClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamClient.class);

    /** Largest whole (non-streaming) answer accepted from an upstream. */
    static final int MAX_ANSWER_BYTES = 256 * 1024 * 1024;

    private static final int MAX_ERROR_BODY = 64 * 1024;
    /**
     * A pooled connection idle for this long is closed in the background: before most servers close it (nginx
     * does after 75 s, and a request written onto a connection the server is closing fails), and so that the
     * sockets of a past burst are not held for ever.
     */
    private static final Duration MAX_IDLE = Duration.ofSeconds(30);

    private final EventLoops loops;
    private final Duration connectTimeout;
    private final SslContext tls;
    private final Duration maxIdle;
    private final UpstreamResolver resolver;
    /** Per origin and event loop: a request's upstream connection runs on the event loop that runs the request. */
    private final Map<PoolKey, SimpleChannelPool> pools = new ConcurrentHashMap<>();
    /** Every upstream connection open, pooled or carrying a request. */
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    /** Set by {@link #abortAll()}: no request is sent any more. */
    private volatile boolean stopping;

    public UpstreamClient(EventLoops loops, Duration connectTimeout) {
        this(loops, connectTimeout, defaultTls(), MAX_IDLE, new UpstreamResolver());
    }

    /**
     * @param tls      decides which upstream certificates are trusted (tests use their own authority)
     * @param maxIdle  how long a pooled connection may idle before it is closed
     * @param resolver looks up upstream host names
     */
    UpstreamClient(
            EventLoops loops, Duration connectTimeout, SslContext tls, Duration maxIdle, UpstreamResolver resolver) {
        this.loops = loops;
        this.connectTimeout = connectTimeout;
        this.tls = tls;
        this.maxIdle = maxIdle;
        this.resolver = resolver;
    }

    static SslContext defaultTls() {
        try {
            return SslContextBuilder.forClient().sslProvider(SslProvider.JDK).build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS for upstream calls", e);
        }
    }

    /** Where connections go: one pool each. */
    private record Origin(boolean secure, String host, int port) {
        static Origin of(URI uri) {
            boolean secure = "https".equalsIgnoreCase(uri.getScheme());
            int port = uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80;
            return new Origin(secure, uri.getHost(), port);
        }

        String hostHeader() {
            return port == (secure ? 443 : 80) ? host : host + ":" + port;
        }
    }

    private record PoolKey(Origin origin, EventLoop loop) {}

    /**
     * An upstream answer: the whole body for non-streaming requests, the open body stream for streaming ones (the
     * caller must close it; closing it early aborts the upstream request).
     *
     * @param retryAfter the upstream's {@code Retry-After} header, or null
     */
    @SuppressWarnings("ArrayRecordComponent") // the body is passed on without a copy; replies are never compared
    public record Reply(int status, String retryAfter, byte[] body, InputStream stream) {
        /** Whether the whole stream has arrived (what is unread is buffered). */
        public boolean streamComplete() {
            return stream instanceof StreamBody body && body.complete();
        }

        /** The start of an error answer's body (the stream is consumed and closed). */
        public byte[] errorBody() {
            if (stream == null) {
                return body.length > MAX_ERROR_BODY ? Arrays.copyOf(body, MAX_ERROR_BODY) : body;
            }
            try (InputStream in = stream) {
                return in.readNBytes(MAX_ERROR_BODY);
            } catch (IOException e) {
                return new byte[0];
            }
        }
    }

    /**
     * Sends {@code request} and waits for the answer: the whole body within {@code timeout}, or for streams the
     * headers within {@code timeout}; the body then flows as the upstream writes it, and a silence longer than
     * {@code timeout} fails its reads with {@link UpstreamTimeoutException}.
     *
     * @throws UpstreamTimeoutException when the upstream did not answer (or accept the connection) in time
     * @throws IOException when the upstream could not be reached or broke the connection
     */
    public Reply send(UpstreamRequest request, Duration timeout, boolean stream)
            throws IOException, InterruptedException {
        if (stopping) {
            throw new StoppingException();
        }
        Origin origin = Origin.of(request.uri());
        EventLoop loop = EventLoops.HOME.isBound()
                ? EventLoops.HOME.get()
                : loops.workers().next();
        SimpleChannelPool pool = pools.computeIfAbsent(new PoolKey(origin, loop), this::pool);
        // A connection the server closed while it idled fails at once; that says nothing about the upstream, so
        // the request goes once more, on a new connection.
        for (int attempt = 1; ; attempt++) {
            UpstreamConnection.Exchange exchange = new UpstreamConnection.Exchange(stream, MAX_ANSWER_BYTES);
            FullHttpRequest http = httpRequest(origin, request);
            // Acquiring and sending happen on the event loop; this thread only waits for the answer.
            pool.acquire().addListener((Future<Channel> acquired) -> {
                if (acquired.isSuccess()) {
                    acquired.getNow().pipeline().get(UpstreamConnection.class).start(exchange, http, timeout.toNanos());
                } else {
                    exchange.failed(connectFailure(acquired.cause()));
                }
            });
            try {
                byte[] body = stream ? null : exchange.whole.get();
                UpstreamConnection.Head head = exchange.head.get();
                return new Reply(head.status(), head.retryAfter(), body, exchange.stream);
            } catch (InterruptedException e) {
                exchange.abort();
                throw e;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (attempt == 1
                        && exchange.reused()
                        && !exchange.answered()
                        && !(cause instanceof UpstreamTimeoutException)) {
                    continue;
                }
                throw cause instanceof IOException io ? io : new IOException(cause);
            }
        }
    }

    private static IOException connectFailure(Throwable cause) {
        if (cause instanceof ConnectTimeoutException) {
            return new UpstreamTimeoutException(true);
        }
        return cause instanceof IOException io ? io : new ConnectException(String.valueOf(cause));
    }

    private SimpleChannelPool pool(PoolKey key) {
        Origin origin = key.origin();
        Bootstrap bootstrap = new Bootstrap()
                .group(key.loop())
                .channel(loops.channel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                // Resolved when each connection is made, so a Service's changed address is picked up.
                .resolver(resolver)
                .remoteAddress(InetSocketAddress.createUnresolved(origin.host(), origin.port()));
        SimpleChannelPool[] self = new SimpleChannelPool[1];
        self[0] = new SimpleChannelPool(
                bootstrap,
                new AbstractChannelPoolHandler() {
                    @Override
                    public void channelCreated(Channel channel) {
                        connections.add(channel);
                        if (origin.secure()) {
                            SslHandler handler = tls.newHandler(channel.alloc(), origin.host(), origin.port());
                            SSLEngine engine = handler.engine();
                            SSLParameters parameters = engine.getSSLParameters();
                            parameters.setEndpointIdentificationAlgorithm("HTTPS");
                            engine.setSSLParameters(parameters);
                            channel.pipeline().addLast(handler);
                        }
                        // Reads only: a pooled connection reads nothing, and a request in progress ignores the event.
                        channel.pipeline()
                                .addLast(
                                        new IdleStateHandler(maxIdle.toNanos(), 0, 0, TimeUnit.NANOSECONDS),
                                        new HttpClientCodec(),
                                        new UpstreamConnection(self[0]));
                    }
                },
                ChannelHealthChecker.ACTIVE,
                true,
                true);
        return self[0];
    }

    private static FullHttpRequest httpRequest(Origin origin, UpstreamRequest request) {
        URI uri = request.uri();
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        FullHttpRequest http = new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1,
                HttpMethod.POST,
                target,
                Unpooled.wrappedBuffer(request.body()),
                DefaultHttpHeadersFactory.headersFactory().newHeaders(),
                EmptyHttpHeaders.INSTANCE);
        HttpHeaders headers = http.headers();
        headers.set(HttpHeaderNames.HOST, origin.hostHeader());
        headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        request.headers().forEach(headers::set);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, request.body().length);
        return http;
    }

    /** The proxy is stopping: the request was cut off, or not sent. */
    public static final class StoppingException extends IOException {
        StoppingException() {
            super("the proxy is stopping");
        }
    }

    /**
     * Fails every request in progress with {@link StoppingException}, closing its connection (which stops the
     * upstream's work on it), and every later one before it is sent: the last step of stopping, for requests that
     * outlasted the drain time.
     */
    public void abortAll() {
        stopping = true;
        for (Channel connection : connections) {
            UpstreamConnection upstream = connection.pipeline().get(UpstreamConnection.class);
            if (upstream != null) { // null once the connection has closed
                upstream.abortCurrent(new StoppingException());
            }
        }
    }

    /** The upstream did not answer (or accept the connection) in time. */
    public static final class UpstreamTimeoutException extends IOException {
        private final boolean connecting;

        UpstreamTimeoutException(boolean connecting) {
            super(connecting ? "connect timeout" : "answer timeout");
            this.connecting = connecting;
        }

        /** True when the connection itself was not established in time. */
        public boolean connecting() {
            return connecting;
        }
    }

    /**
     * Drops the connection pools of origins none of {@code upstreams} is at, after a configuration change: their
     * idle connections close now, those still carrying a request once it is done and they have idled.
     */
    public void retainOnly(Collection<URI> upstreams) {
        Set<Origin> kept = upstreams.stream().map(Origin::of).collect(Collectors.toSet());
        pools.entrySet().removeIf(entry -> {
            boolean dropped = !kept.contains(entry.getKey().origin());
            if (dropped) {
                entry.getValue().closeAsync().addListener(closed -> {
                    if (!closed.isSuccess()) {
                        LOG.debug(
                                "a dropped upstream pool did not close cleanly: {}",
                                closed.cause().toString());
                    }
                });
            }
            return dropped;
        });
    }

    /** How many connection pools there are: one per origin and event loop that has been used. */
    int poolCount() {
        return pools.size();
    }

    @Override
    public void close() {
        pools.values().forEach(ChannelPool::close);
        pools.clear();
        resolver.close();
    }
}
