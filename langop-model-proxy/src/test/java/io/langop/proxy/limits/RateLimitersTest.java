package io.langop.proxy.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.proxy.config.RateLimits;
import io.langop.proxy.limits.RateLimiters.Admission;
import io.langop.proxy.limits.RateLimiters.Permit;
import io.langop.proxy.limits.RateLimiters.Scope;
import io.langop.proxy.testing.FakeClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitersTest {

    private final FakeClock clock = new FakeClock();
    private final RateLimiters limiters = new RateLimiters(clock);

    @Test
    void requestsRefillContinuouslyAndSayWhenToComeBack() {
        List<Scope> scopes = List.of(Scope.model("m", new RateLimits(60, null, null)));
        for (int i = 0; i < 60; i++) {
            assertThat(limiters.admit(scopes, 1)).isInstanceOf(Permit.class);
        }

        Admission refused = limiters.admit(scopes, 1);
        assertThat(refused).isInstanceOfSatisfying(Admission.Refused.class, r -> {
            assertThat(r.kind()).isEqualTo("requests");
            assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(1));
            assertThat(r.reason()).contains("60 requests per minute");
        });

        clock.advance(Duration.ofSeconds(1));
        assertThat(limiters.admit(scopes, 1)).isInstanceOf(Permit.class);
        assertThat(limiters.admit(scopes, 1)).isInstanceOf(Admission.Refused.class);
    }

    @Test
    void tokensAreChargedByEstimateAndCorrectedByUsage() {
        List<Scope> scopes = List.of(Scope.model("m", new RateLimits(null, 600, null)));
        try (Permit first = (Permit) limiters.admit(scopes, 100)) {
            first.settleTokens(700); // the answer was long: 600 - 700 leaves the bucket 100 in debt
        }

        Admission refused = limiters.admit(scopes, 10);

        assertThat(refused).isInstanceOfSatisfying(Admission.Refused.class, r -> {
            assertThat(r.kind()).isEqualTo("tokens");
            assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(11)); // 110 tokens at 10 per second
        });
        clock.advance(Duration.ofSeconds(11));
        assertThat(limiters.admit(scopes, 10)).isInstanceOf(Permit.class);
    }

    @Test
    void aRefusalInOneScopeTakesNothingFromTheOthers() {
        Scope client = Scope.client("agent", new RateLimits(2, null, null));
        Scope model = Scope.model("m", new RateLimits(1, null, null));
        assertThat(limiters.admit(List.of(client, model), 1)).isInstanceOf(Permit.class);

        assertThat(limiters.admit(List.of(client, model), 1)).isInstanceOf(Admission.Refused.class);

        // the client's second request was given back, so another model can still be used by it
        assertThat(limiters.admit(List.of(client, Scope.model("other", new RateLimits(5, null, null))), 1))
                .isInstanceOf(Permit.class);
    }

    @Test
    void concurrencySlotsComeBackWhenThePermitCloses() {
        List<Scope> scopes = List.of(Scope.model("m", new RateLimits(null, null, 1)));
        Permit held = (Permit) limiters.admit(scopes, 1);

        assertThat(limiters.admit(scopes, 1)).isInstanceOf(Admission.Refused.class);
        held.close();
        held.close(); // closing twice must not free two slots
        Permit next = (Permit) limiters.admit(scopes, 1);
        assertThat(limiters.admit(scopes, 1)).isInstanceOf(Admission.Refused.class);
        next.close();
    }

    @Test
    void changedLimitsStartAFreshBucketUnchangedOnesKeepTheirs() {
        List<Scope> tight = List.of(Scope.model("m", new RateLimits(1, null, null)));
        limiters.admit(tight, 1);
        assertThat(limiters.admit(tight, 1)).isInstanceOf(Admission.Refused.class);

        assertThat(limiters.admit(List.of(Scope.model("m", new RateLimits(2, null, null))), 1))
                .isInstanceOf(Permit.class);
    }
}
