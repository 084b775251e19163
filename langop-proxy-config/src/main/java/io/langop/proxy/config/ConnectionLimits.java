package io.langop.proxy.config;

import java.time.Duration;

/**
 * What one client address may hold of the proxy before it has been served: connections, and requests whose body
 * is still arriving. Without these a client that opens connections, or announces bodies and sends them slowly,
 * holds sockets and memory for as long as it likes.
 *
 * @param perAddress connections open from one client address at once; a further one is closed as it is accepted.
 *     Behind a sidecar or an ingress every client has the same address: raise it there.
 * @param pendingBodiesPerAddress requests from one client address whose body is still arriving; a further one is
 *     answered 429 before its body is read
 * @param bodyTimeout how long a request's body may take to arrive after its headers; a slower one is answered 408
 *     and its connection closed
 * @param headTimeout how long a request's headers may take to arrive from their first byte; slower ones are answered
 *     408 and their connection closed. Without it a client that sends a header byte now and then, inside the idle
 *     timeout, holds its connection for good.
 */
public record ConnectionLimits(
        Integer perAddress, Integer pendingBodiesPerAddress, Duration bodyTimeout, Duration headTimeout) {

    public static final int DEFAULT_PER_ADDRESS = 256;
    public static final int DEFAULT_PENDING_BODIES_PER_ADDRESS = 16;
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_HEAD_TIMEOUT = Duration.ofSeconds(20);
    public static final ConnectionLimits DEFAULT = new ConnectionLimits(null, null, null, null);

    public ConnectionLimits {
        perAddress = perAddress == null ? DEFAULT_PER_ADDRESS : perAddress;
        pendingBodiesPerAddress =
                pendingBodiesPerAddress == null ? DEFAULT_PENDING_BODIES_PER_ADDRESS : pendingBodiesPerAddress;
        bodyTimeout = bodyTimeout == null ? DEFAULT_BODY_TIMEOUT : bodyTimeout;
        headTimeout = headTimeout == null ? DEFAULT_HEAD_TIMEOUT : headTimeout;
    }
}
