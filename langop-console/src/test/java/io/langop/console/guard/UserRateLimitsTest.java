package io.langop.console.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.api.v1alpha1.client.ClientRateLimits;
import io.langop.console.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UserRateLimitsTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void aSlidingMinuteAdmitsAgainOnceTheOldestRequestLeavesIt() {
        ClientRateLimits config = new ClientRateLimits();
        config.setRequestsPerMinute(2);
        UserRateLimits limits = new UserRateLimits(config, clock);

        assertThat(limits.admit("ann")).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(limits.admit("ann")).isEmpty();
        var refused = limits.admit("ann");
        clock.advance(Duration.ofSeconds(31));

        assertThat(refused).hasValueSatisfying(refusal -> {
            assertThat(refusal.message()).contains("2 requests per minute");
            assertThat(refusal.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        });
        assertThat(limits.admit("ann")).isEmpty();
        assertThat(limits.admit("ben")).isEmpty();
    }

    @Test
    void tokensSpentCountAgainstTheNextRequestsOfTheDay() {
        ClientRateLimits config = new ClientRateLimits();
        config.setTokensPerDay(1_000);
        UserRateLimits limits = new UserRateLimits(config, clock);

        assertThat(limits.admit("ann")).isEmpty();
        limits.spent("ann", 1_200);

        assertThat(limits.admit("ann"))
                .hasValueSatisfying(refusal -> assertThat(refusal.message()).contains("1000 tokens per day"));
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        assertThat(limits.admit("ann")).isEmpty();
    }
}
