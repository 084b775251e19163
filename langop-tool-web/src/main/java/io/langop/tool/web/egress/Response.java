package io.langop.tool.web.egress;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Objects;
import java.util.Optional;

/**
 * A response as the web tools see it: the URI that answered (after redirects), status, headers and
 * at most the configured number of body bytes. A class, not a record: a record would compare bodies
 * by identity, and its accessor would suggest the bytes are a value; they are a buffer, handed over
 * without copying (a body can be megabytes) and not to be modified.
 */
public final class Response {

    private final URI uri;
    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;
    private final boolean truncated;

    /** A response whose {@code body} was cut at the size cap when {@code truncated}. */
    public Response(URI uri, int status, HttpHeaders headers, byte[] body, boolean truncated) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.status = status;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = Objects.requireNonNull(body, "body");
        this.truncated = truncated;
    }

    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The body bytes read, at most the size cap; the caller must not modify them. */
    public byte[] body() {
        return body;
    }

    /** True when the body was longer than the size cap and was cut there. */
    public boolean truncated() {
        return truncated;
    }

    public Optional<String> contentType() {
        return headers.firstValue("content-type");
    }
}
