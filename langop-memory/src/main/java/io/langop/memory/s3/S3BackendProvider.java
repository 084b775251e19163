package io.langop.memory.s3;

import io.langop.memory.ConnectionUrl;
import io.langop.sdk.memory.spi.MemoryBackend;
import io.langop.sdk.memory.spi.MemoryBackendProvider;
import io.langop.sdk.memory.spi.MemorySettings;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code MEMORY_STORE=s3}, {@code MEMORY_URL=s3://ACCESS_KEY:SECRET_KEY@host[:port]/bucket[/prefix][?region=...&pathStyle=false]}
 * over HTTPS, {@code s3+http://...} over plain HTTP (a MinIO in the cluster). The host is the endpoint (MinIO,
 * Ceph, {@code storage.googleapis.com}, {@code s3.eu-west-1.amazonaws.com}); requests are path-style
 * ({@code host/bucket/key}) unless {@code pathStyle=false}; the region defaults to {@code us-east-1}.
 */
public final class S3BackendProvider implements MemoryBackendProvider {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    @Override
    public String type() {
        return "s3";
    }

    @Override
    public MemoryBackend open(MemorySettings settings) {
        ConnectionUrl url = ConnectionUrl.parse(settings.url(), "s3", Set.of("s3", "s3+http"), -1);
        if (url.user().isEmpty() || url.password().isEmpty()) {
            throw new IllegalArgumentException(
                    "the s3 connection string needs an access key and a secret key (s3://ACCESS_KEY:SECRET_KEY@host/bucket)");
        }
        if (url.path().isEmpty()) {
            throw new IllegalArgumentException("the s3 connection string names no bucket (s3://...@host/BUCKET)");
        }
        String[] bucketAndPrefix = url.path().replaceAll("/+$", "").split("/", 2);
        String scheme = url.scheme().equals("s3") ? "https" : "http";
        String endpoint = scheme + "://" + (url.port() < 0 ? url.host() : url.address());
        S3Client client = S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(url.parameter("region").orElse("us-east-1")))
                .forcePathStyle(!url.parameter("pathStyle")
                        .map("false"::equalsIgnoreCase)
                        .orElse(false))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        url.user().get(), url.password().get())))
                // checksums only where the API requires them: S3-compatible servers do not all take the trailers
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // the SDK's backoff retries; two layers of retries would multiply the wait
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT)
                        .build())
                .build();
        return new S3Backend(
                client,
                bucketAndPrefix[0],
                bucketAndPrefix.length == 2 ? bucketAndPrefix[1] : "",
                settings.scope(),
                "s3 bucket " + bucketAndPrefix[0] + " at " + endpoint);
    }
}
