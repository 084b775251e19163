package io.langop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationsTest {

    private final Durations durations = new Durations();

    @Test
    void readsDurationsAsPeopleTypeThem() {
        assertThat(durations.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(durations.convert("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(durations.convert("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(durations.convert("PT2M")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void saysHowToWriteOneItCannotRead() {
        assertThatThrownBy(() -> durations.convert("ten minutes"))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessage("'ten minutes' is not a duration: write 90s, 10m or 1h");
        assertThatThrownBy(() -> durations.convert("m")).isInstanceOf(CommandLine.TypeConversionException.class);
    }
}
