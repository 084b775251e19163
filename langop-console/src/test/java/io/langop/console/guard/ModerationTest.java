package io.langop.console.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.langop.api.v1alpha1.FilterAction;
import io.langop.api.v1alpha1.client.ContentModeration;
import io.langop.api.v1alpha1.client.CustomFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModerationTest {

    @Test
    void theStrongestMatchingFilterDecidesAndTheSectionsActionIsTheDefault() {
        Moderation moderation = new Moderation(moderation(
                FilterAction.WARN,
                filter("salary", "salar(y|ies)", null),
                filter("exploit", "zero.day", FilterAction.BLOCK)));

        assertThat(moderation.check("What are the SALARIES?"))
                .hasValueSatisfying(verdict -> assertThat(verdict.action()).isEqualTo(FilterAction.WARN));
        assertThat(moderation.check("salaries and a zero-day"))
                .hasValueSatisfying(verdict -> assertThat(verdict.filter()).isEqualTo("exploit"));
        assertThat(moderation.check("the weather")).isEmpty();
        assertThat(moderation.screensAnswers()).isTrue();
    }

    @Test
    void personalDataIsFoundWhenAskedFor() {
        ContentModeration config = moderation(FilterAction.BLOCK);
        config.setFilterPII(true);
        Moderation moderation = new Moderation(config);

        assertThat(moderation.check("mail me at ann@example.com")).isPresent();
        assertThat(moderation.check("card 4111 1111 1111 1111")).isPresent();
        assertThat(moderation.check("call +49 30 1234 5678")).isPresent();
        assertThat(moderation.check("version 1.2.3 ships in 2026")).isEmpty();
    }

    @Test
    void offModerationLetsEverythingThroughAndABrokenPatternStopsTheStart() {
        ContentModeration off = moderation(FilterAction.BLOCK, filter("all", ".*", null));
        off.setEnabled(false);

        assertThat(new Moderation(off).check("anything")).isEmpty();
        assertThat(new Moderation(off).screensAnswers()).isFalse();
        assertThatThrownBy(() -> new Moderation(moderation(FilterAction.BLOCK, filter("broken", "(unclosed", null))))
                .hasMessageContaining("customFilters 'broken'");
    }

    private static ContentModeration moderation(FilterAction action, CustomFilter... filters) {
        ContentModeration config = new ContentModeration();
        config.setEnabled(true);
        config.setAction(action);
        config.setCustomFilters(List.of(filters));
        return config;
    }

    private static CustomFilter filter(String name, String pattern, FilterAction action) {
        CustomFilter filter = new CustomFilter();
        filter.setName(name);
        filter.setPattern(pattern);
        filter.setAction(action);
        return filter;
    }
}
