package io.langop.operator.usage;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.langop.proxy.report.UsageReport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads one proxy's {@code /usage} with the operator's key; a proxy that cannot answer is "not read", never an error. */
public final class UsageReader {

    private static final Logger LOG = LoggerFactory.getLogger(UsageReader.class);
    /** A newer proxy may report more: what this operator does not know is left out. */
    private static final ObjectReader REPORTS = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build()
            .readerFor(UsageReport.class);

    private final HttpClient http;
    private final Duration timeout;

    public UsageReader(Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    Optional<UsageReport> read(URI usage, String key) {
        try {
            HttpRequest request = HttpRequest.newBuilder(usage)
                    .timeout(timeout)
                    .header("Authorization", "Bearer " + key)
                    .GET()
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                LOG.debug("{} answered HTTP {}", usage, response.statusCode());
                return Optional.empty();
            }
            return Optional.of(REPORTS.readValue(response.body()));
        } catch (IOException | RuntimeException unreachable) {
            // a proxy starting, restarting or gone; the next poll asks again
            LOG.debug("{} not read: {}", usage, unreachable.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
