package io.langop.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronTimesTest {

    private static final Instant NOON = Instant.parse("2026-12-06T12:00:30Z"); // a Sunday

    @Test
    void firesAtTheNextMatchingMinuteOfFiveFields() {
        assertThat(CronTimes.of("*/15 * * * *").next(NOON)).contains(Instant.parse("2026-12-06T12:15:00Z"));
        assertThat(CronTimes.of("30 9 * * MON-FRI").next(NOON)).contains(Instant.parse("2026-12-07T09:30:00Z"));
        assertThat(CronTimes.of("0 0 1 JAN *").next(NOON)).contains(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(CronTimes.of("@hourly").next(NOON)).contains(Instant.parse("2026-12-06T13:00:00Z"));
    }

    @Test
    void dayOfMonthOrDayOfWeekWhenNeitherIsAStar() {
        // the 10th (a Thursday) or a Monday, whichever comes first
        assertThat(CronTimes.of("0 8 10 * 1").next(NOON)).contains(Instant.parse("2026-12-07T08:00:00Z"));
        assertThat(CronTimes.of("0 8 10 * *").next(NOON)).contains(Instant.parse("2026-12-10T08:00:00Z"));
    }

    @Test
    void everyCountsFromTheEpochSoThatARestartKeepsTheBeat() {
        CronTimes every = CronTimes.of("@every 1m30s");
        assertThat(every.next(Instant.parse("2026-12-06T12:00:00Z"))).contains(Instant.parse("2026-12-06T12:01:30Z"));
        assertThat(every.next(Instant.parse("2026-12-06T12:01:30Z"))).contains(Instant.parse("2026-12-06T12:03:00Z"));
        assertThatThrownBy(() -> CronTimes.of("@every 500ms")).hasMessage("@every needs at least 1s");
    }

    @Test
    void theLastTimeMissedBetweenTwoInstants() {
        CronTimes quarterly = CronTimes.of("*/15 * * * *");
        assertThat(quarterly.lastBetween(Instant.parse("2026-12-06T11:14:00Z"), NOON))
                .contains(Instant.parse("2026-12-06T12:00:00Z"));
        assertThat(quarterly.lastBetween(Instant.parse("2026-12-06T12:00:00Z"), NOON))
                .isEmpty();
        assertThat(CronTimes.of("@every 10s").lastBetween(Instant.parse("2026-12-06T11:00:00Z"), NOON))
                .contains(Instant.parse("2026-12-06T12:00:30Z"));
    }

    @Test
    void refusesWhatTheCronJobControllerRefuses() {
        assertThatThrownBy(() -> CronTimes.of("61 * * * *")).hasMessage("minute 61 is outside 0-59");
        assertThat(CronTimes.of("0 0 30 2 *").next(NOON)).isEmpty();
    }
}
