package io.langop.memory.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.langop.sdk.memory.MemoryContract;
import io.langop.sdk.memory.RestartableServer;
import io.langop.sdk.memory.spi.MemoryBackend;
import io.langop.sdk.memory.spi.MemorySettings;
import io.langop.sdk.retry.Backoff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3 backend held to the memory contract, against S3Proxy started once for this class. */
class S3MemoryTest extends MemoryContract {

    private static S3ProxyServer server;
    private static Path directory;

    @BeforeAll
    static void startS3(@TempDir Path temporary) throws Exception {
        directory = temporary;
        server = S3ProxyServer.start(temporary);
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected MemoryBackend open(String scope) {
        return new S3BackendProvider().open(new MemorySettings("s3", server.url(), scope, Path.of("unused")));
    }

    @Override
    protected RestartableServer server() {
        return server;
    }

    @Override
    protected Backoff retries() {
        return new Backoff(30, Duration.ofMillis(100), Duration.ofSeconds(1));
    }

    /**
     * S3Proxy honours {@code If-None-Match} and {@code If-Match} on a PUT but checks them before it writes, without a
     * lock: of 8 concurrent claims, 5 won when this was tried. AWS S3 and MinIO decide between concurrent conditional
     * writes; the other claim tests run here.
     */
    @Override
    protected boolean serverClaimsAtomically() {
        return false;
    }

    @Override
    protected String secretInTheUrl() {
        return S3ProxyServer.SECRET_KEY;
    }

    @Test
    void keepsObjectsUnderThePrefixAndTheAgentsScopeWithTheirContentType() throws Exception {
        memory().documents().put("reports/today.md", "text/markdown", "# today");

        try (var files = Files.walk(directory.resolve("data").resolve(S3ProxyServer.BUCKET))) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(file -> directory
                                    .resolve("data")
                                    .resolve(S3ProxyServer.BUCKET)
                                    .relativize(file))
                            .map(Path::toString))
                    .anyMatch(key -> key.startsWith("memory/test/") && key.endsWith("/documents/reports/today.md"));
        }
    }

    @Test
    void aWrongSecretIsRefusedWithoutRepeatingIt() {
        String wrong = server.url().replace("%2F", "-wrong");
        try (MemoryBackend backend = new S3BackendProvider().open(new MemorySettings("s3", wrong, "s", Path.of("x")))) {
            assertThatThrownBy(() -> backend.get(io.langop.sdk.memory.spi.Space.STATE, "k"))
                    .hasMessageContaining("refused the request (403")
                    .hasMessageNotContaining("-wrong");
        }
    }

    @Test
    void aConnectionStringWithoutKeysSaysWhatIsMissing() {
        assertThatThrownBy(() -> new S3BackendProvider()
                        .open(new MemorySettings("s3", "s3://minio.example:9000/bucket", "s", Path.of("x"))))
                .hasMessageContaining("needs an access key and a secret key");
    }
}
