package io.langop.operator.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DnsCacheTest {

    private static final class SteppingClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void answersAreSortedKeptForTheRefreshIntervalAndThenResolvedAgain() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        List<List<InetAddress>> answers = List.of(
                List.of(
                        InetAddress.getByName("10.0.0.9"),
                        InetAddress.getByName("10.0.0.1"),
                        InetAddress.getByName("2001:db8::1")),
                List.of(InetAddress.getByName("10.0.0.5")));
        SteppingClock clock = new SteppingClock();
        DnsCache cache = new DnsCache(host -> answers.get(lookups.getAndIncrement()), Duration.ofMinutes(5), clock);

        assertThat(cache.resolve("api.example.com").cidrs())
                .containsExactly("10.0.0.1/32", "10.0.0.9/32", "2001:db8:0:0:0:0:0:1/128");
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(cache.resolve("API.example.com").cidrs()).hasSize(3);
        assertThat(lookups).hasValue(1);

        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(cache.resolve("api.example.com").cidrs()).containsExactly("10.0.0.5/32");
        assertThat(lookups).hasValue(2);
    }

    @Test
    void aWildcardResolvesItsBaseDomainAndAFailureAllowsNothing() {
        DnsCache cache = new DnsCache(
                host -> {
                    if (host.equals("googleapis.com")) {
                        return List.of(InetAddress.getByName("192.0.2.4"));
                    }
                    throw new UnknownHostException(host);
                },
                Duration.ofMinutes(5));

        assertThat(cache.resolve("*.googleapis.com").cidrs()).containsExactly("192.0.2.4/32");
        DnsCache.Answer missing = cache.resolve("gone.invalid");
        assertThat(missing.resolved()).isFalse();
        assertThat(missing.cidrs()).isEmpty();
        assertThat(missing.failure()).isEqualTo("gone.invalid does not resolve");
    }
}
