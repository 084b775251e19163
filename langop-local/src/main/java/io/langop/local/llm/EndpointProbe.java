package io.langop.local.llm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Whether an HTTP endpoint answers at all: any status counts, a refused or silent connection does not. */
@FunctionalInterface
public interface EndpointProbe {

    boolean answers(String url) throws InterruptedException;

    /** A GET with {@code timeout} to connect and to answer. */
    static EndpointProbe http(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        return url -> {
            try {
                http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(timeout)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                return true;
            } catch (IOException | IllegalArgumentException unreachable) {
                return false;
            }
        };
    }
}
