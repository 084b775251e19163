package io.langop.tool.web.egress;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web tools' HTTP client: the JDK {@link HttpClient} with the egress rules applied to every hop.
 *
 * <p>Only http and https URLs are fetched. Before each request (the first and every redirect, at
 * most {@link EgressSettings#MAX_REDIRECTS}) the host is resolved, every address is checked against
 * the {@link AddressPolicy}, and the name is pinned to those addresses ({@link PinnedDns}) so the
 * connection goes to an address that was checked. Bodies are cut at the size cap and the whole
 * fetch is bounded by the timeout.
 */
public final class WebClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebClient.class);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final EgressSettings settings;
    private final HostLookup lookup;
    private final Optional<URI> trustedOrigin;
    private final HttpClient http;

    private WebClient(EgressSettings settings, HostLookup lookup, Optional<URI> trustedOrigin) {
        this.settings = settings;
        this.lookup = lookup;
        this.trustedOrigin = trustedOrigin.map(WebClient::origin);
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        if (!PinnedDns.installed()) {
            LOG.warn(
                    "the pinning DNS resolver is not active: a host could resolve differently between check and connect");
        }
    }

    /** A client for URLs chosen by callers (models): every hop is checked against the policy. */
    public static WebClient guarded(EgressSettings settings, HostLookup lookup) {
        return new WebClient(settings, lookup, Optional.empty());
    }

    /**
     * A client for an endpoint an operator configured (a SearXNG instance inside the cluster, say):
     * requests to that endpoint's origin (scheme, host and port) skip the address policy, while a
     * redirect anywhere else is checked like a URL a model chose, since the endpoint's answers are
     * no more trusted than the endpoint is safe from its own users.
     */
    public static WebClient forEndpoint(EgressSettings settings, HostLookup lookup, URI endpoint) {
        return new WebClient(settings, lookup, Optional.of(endpoint));
    }

    public Response get(URI uri) throws FetchException {
        return fetch("GET", uri, true);
    }

    /**
     * Sends {@code method} (GET or HEAD) to {@code uri}; with {@code followRedirects} the redirect
     * chain is followed and the final response returned, else the first response is.
     */
    public Response fetch(String method, URI uri, boolean followRedirects) throws FetchException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        URI current = uri;
        for (int hop = 0; ; hop++) {
            Response response = send(method, current, deadline);
            Optional<String> location = response.headers().firstValue("location");
            if (!followRedirects || !REDIRECTS.contains(response.status()) || location.isEmpty()) {
                return response;
            }
            if (hop == EgressSettings.MAX_REDIRECTS) {
                throw new FetchException("too many redirects (more than " + EgressSettings.MAX_REDIRECTS + ")");
            }
            try {
                current = current.resolve(location.get().trim());
            } catch (IllegalArgumentException e) {
                throw new FetchException("invalid redirect location " + location.get());
            }
        }
    }

    private Response send(String method, URI uri, long deadline) throws FetchException {
        String host = checkedHost(uri);
        boolean trusted =
                trustedOrigin.filter(origin -> origin.equals(origin(uri))).isPresent();
        try (PinnedDns.Pin pin = trusted ? null : PinnedDns.pin(host, lookup)) {
            if (pin != null) {
                for (InetAddress address : pin.addresses()) {
                    Optional<String> refusal = settings.policy().refusal(address);
                    if (refusal.isPresent()) {
                        String what = isIpLiteral(host)
                                ? host + " is " + refusal.get()
                                : host + " resolves to " + address.getHostAddress() + ", " + refusal.get();
                        throw FetchException.refused(what + " (allow it with WEB_ALLOWED_NETWORKS)");
                    }
                }
            }
            return exchange(method, uri, deadline);
        } catch (UnknownHostException e) {
            throw new FetchException("unknown host " + host);
        }
    }

    private Response exchange(String method, URI uri, long deadline) throws FetchException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.8")
                .timeout(remaining(deadline))
                .build();
        CompletableFuture<HttpResponse<CappedBodySubscriber.Body>> pending =
                http.sendAsync(request, info -> new CappedBodySubscriber(settings.maxResponseBytes()));
        try {
            HttpResponse<CappedBodySubscriber.Body> response =
                    pending.get(remaining(deadline).toNanos(), TimeUnit.NANOSECONDS);
            CappedBodySubscriber.Body body = response.body();
            return new Response(uri, response.statusCode(), response.headers(), body.bytes(), body.truncated());
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw timedOut();
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted");
        } catch (ExecutionException e) {
            throw new FetchException(describe(e.getCause()));
        }
    }

    private String checkedHost(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw FetchException.refused(
                    "only http and https URLs can be fetched, not " + (scheme.isEmpty() ? uri : scheme + ":"));
        }
        if (uri.getHost() == null) {
            throw new FetchException("the URL has no host");
        }
        String host = uri.getHost();
        // URI keeps IPv6 literals in brackets; the resolver wants them bare.
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /** Scheme, host and port, with the scheme's default port made explicit and case folded. */
    private static URI origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return URI.create(scheme + "://" + host + ":" + port);
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private Duration remaining(long deadline) throws FetchException {
        long nanos = deadline - System.nanoTime();
        if (nanos <= 0) {
            throw timedOut();
        }
        return Duration.ofNanos(nanos);
    }

    private FetchException timedOut() {
        return new FetchException("timed out after " + settings.timeout().toSeconds() + " s");
    }

    private String describe(Throwable error) {
        return switch (error) {
            case HttpConnectTimeoutException e -> "connection timed out";
            case HttpTimeoutException e ->
                "timed out after " + settings.timeout().toSeconds() + " s";
            case ConnectException e -> "connection refused";
            case UnknownHostException e -> "unknown host " + e.getMessage();
            case IOException e when e.getMessage() != null -> e.getMessage();
            default -> error.getClass().getSimpleName();
        };
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
