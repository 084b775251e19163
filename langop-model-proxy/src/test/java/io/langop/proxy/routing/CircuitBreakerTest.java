package io.langop.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.proxy.config.CircuitBreakerSettings;
import io.langop.proxy.testing.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final FakeClock clock = new FakeClock();
    private final CircuitBreaker breaker =
            new CircuitBreaker(new CircuitBreakerSettings(3, Duration.ofSeconds(10)), clock);

    @Test
    void reportsTheEjectionOnceAndTheRecoveryOnce() {
        assertThat(breaker.onFailure()).isFalse();
        assertThat(breaker.onFailure()).isFalse();
        assertThat(breaker.onFailure()).as("third consecutive failure ejects").isTrue();
        // Requests that were already in flight fail too: still the same ejection.
        assertThat(breaker.onFailure()).isFalse();
        assertThat(breaker.tryAcquire()).isFalse();

        clock.advance(Duration.ofSeconds(11));
        assertThat(breaker.tryAcquire()).as("the probe").isTrue();
        assertThat(breaker.onFailure()).as("a failed probe ejects again").isTrue();

        clock.advance(Duration.ofSeconds(11));
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.onSuccess()).as("a good probe ends the ejection").isTrue();
        assertThat(breaker.onSuccess()).isFalse();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
