package io.langop.sdk.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void retryDelaysDoubleUpToTheMaximum() {
        assertThat(Backoff.MCP_CONNECT.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.MCP_CONNECT.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Backoff.MCP_CONNECT.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(Backoff.MCP_CONNECT.delayAfter(10)).isEqualTo(Duration.ofSeconds(30));
    }
}
