package io.langop.tool.web.egress;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * A response as the web tools see it: the URI that answered (after redirects), status, headers and
 * at most the configured number of body bytes.
 *
 * @param truncated true when the body was longer than the size cap and was cut there
 */
public record Response(URI uri, int status, HttpHeaders headers, byte[] body, boolean truncated) {

    public Optional<String> contentType() {
        return headers.firstValue("content-type");
    }
}
