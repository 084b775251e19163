package io.langop.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronScheduleTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0 9 * * MON-FRI",
                "*/15 * * * *",
                "0 0 1,15 * *",
                "@daily",
                "30 6 * jan,jul sun",
                "0 0-23/2 * * 7"
            })
    void acceptsWhatCronJobsAccept(String schedule) {
        assertThat(CronSchedule.problem(schedule)).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "61 * * * *|minute '61' is outside 0-59",
                "0 24 * * *|hour '24' is outside 0-23",
                "0 0 0 * *|day of month '0' is outside 1-31",
                "0 0 * 13 *|month '13' is outside 1-12",
                "0 0 * * FUNDAY|day of week 'FUNDAY' is outside 0-7",
                "*/0 * * * *|minute step must be positive",
                "0 9 * *|expected 5 fields (minute hour day-of-month month day-of-week), got 4",
                "@fortnightly|unknown macro @fortnightly",
                "CRON_TZ=UTC 0 9 * * *|time zones go in the CronJob's timeZone, not in the schedule"
            })
    void namesWhatIsWrong(String schedule, String problem) {
        assertThat(CronSchedule.problem(schedule)).isEqualTo(problem);
    }
}
