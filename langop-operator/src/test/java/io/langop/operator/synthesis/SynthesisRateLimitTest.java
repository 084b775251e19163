package io.langop.operator.synthesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SynthesisRateLimitTest {

    private final MutableClock clock = new MutableClock();
    private final SynthesisRateLimit limit = new SynthesisRateLimit(2, Duration.ofMinutes(1), clock);

    @Test
    void grantsTheBurstThenSaysHowLongToWait() {
        assertThat(limit.tryAcquire("team-a")).isEmpty();
        assertThat(limit.tryAcquire("team-a")).isEmpty();
        assertThat(limit.tryAcquire("team-a")).contains(Duration.ofMinutes(1));

        clock.advance(Duration.ofSeconds(45));
        assertThat(limit.tryAcquire("team-a")).contains(Duration.ofSeconds(15));

        clock.advance(Duration.ofSeconds(15));
        assertThat(limit.tryAcquire("team-a")).isEmpty();
        assertThat(limit.tryAcquire("team-a")).isPresent();
    }

    @Test
    void namespacesHaveTheirOwnBudget() {
        limit.tryAcquire("team-a");
        limit.tryAcquire("team-a");
        assertThat(limit.tryAcquire("team-a")).isPresent();
        assertThat(limit.tryAcquire("team-b")).isEmpty();
    }

    @Test
    void idleTimeRefillsNoMoreThanTheBurst() {
        clock.advance(Duration.ofHours(5));
        assertThat(limit.tryAcquire("team-a")).isEmpty();
        assertThat(limit.tryAcquire("team-a")).isEmpty();
        assertThat(limit.tryAcquire("team-a")).isPresent();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new SynthesisRateLimit(0, Duration.ofMinutes(1), clock))
                .hasMessageContaining("burst");
        assertThatThrownBy(() -> new SynthesisRateLimit(1, Duration.ZERO, clock))
                .hasMessageContaining("refill");
    }
}
