package io.langop.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronJobSchedulesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0 9 * * MON-FRI",
                "*/15 0-6,22-23 * JAN-MAR mon-fri",
                "0 0 1,15 * *",
                "0 0-23/2 * * 6",
                "5/15 * * * *",
                "0 0 ? * SUN",
                "0 0 1,,15 * *",
                "  0\t9  * * *  ",
                "@daily",
                "@annually",
                "@every 1h30m",
                "@every 1.5h"
            })
    void acceptsWhatTheApiServerAccepts(String schedule) {
        assertThat(CronJobSchedules.problem(schedule)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "61 * * * *|minute 61 is outside 0-59",
                "0 24 * * *|hour 24 is outside 0-23",
                "0 0 0 * *|day of month 0 is outside 1-31",
                "0 0 * 13 *|month 13 is outside 1-12",
                "0 0 * * 7|day of week 7 is outside 0-6",
                "0 0 * * 1-7|day of week 7 is outside 0-6",
                "0 0 * * FUNDAY|day of week 'FUNDAY' is not a number or a name",
                "x 0 * * *|minute 'x' is not a number",
                "0 0 * * SAT-SUN|day of week range 'SAT-SUN' is reversed",
                "0 0 * * 1-2-3|day of week '1-2-3' has more than one '-'",
                "*/5/2 * * * *|minute '*/5/2' has more than one '/'",
                "*/0 * * * *|minute step must be positive",
                "*/x * * * *|minute step 'x' is not a number",
                "0 9 * *|expected 5 fields (minute hour day-of-month month day-of-week), found 4",
                "0 0 9 * * *|expected 5 fields (minute hour day-of-month month day-of-week), found 6",
                "@every 1d|@every needs a duration such as 90m or 1h30m, not '1d'",
                "CRON_TZ=UTC 0 9 * * *|time zones go in the CronJob's timeZone, not in the schedule",
                "TZ=Europe/Paris 0 9 * * *|time zones go in the CronJob's timeZone, not in the schedule"
            })
    void namesWhatTheApiServerWouldRefuse(String schedule, String problem) {
        assertThat(CronJobSchedules.problem(schedule)).contains(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"@fortnightly", "@Daily", "@daily ", "@reboot"})
    void refusesDescriptorsTheParserDoesNotKnowByteForByte(String schedule) {
        assertThat(CronJobSchedules.problem(schedule))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .startsWith("unknown descriptor " + schedule + " (known: @yearly, @annually"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void refusesAnEmptySchedule(String schedule) {
        assertThat(CronJobSchedules.problem(schedule)).isPresent();
    }
}
