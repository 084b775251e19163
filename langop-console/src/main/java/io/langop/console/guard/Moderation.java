package io.langop.console.guard;

import io.langop.api.v1alpha1.FilterAction;
import io.langop.api.v1alpha1.client.ContentModeration;
import io.langop.api.v1alpha1.client.CustomFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code contentModeration}: the custom filters' patterns and, with {@code filterPII}, patterns of personal data
 * (e-mail addresses, payment card and phone numbers), applied to what users write and to the answers. A match
 * blocks, warns or is only logged, by the filter's action or else the section's ({@code warn} by default).
 */
public final class Moderation {

    private static final Logger LOG = LoggerFactory.getLogger(Moderation.class);

    private static final List<Pattern> PERSONAL_DATA = List.of(
            Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+"),
            Pattern.compile("\\b\\d(?:[ -]?\\d){12,18}\\b"),
            Pattern.compile("(?<!\\w)\\+?\\d{1,3}[ .-]?\\(?\\d{2,4}\\)?(?:[ .-]?\\d{3,4}){2}\\b"));

    /** A filter that matched: what to do and what to tell the user. */
    public record Verdict(FilterAction action, String filter, String message) {}

    private record Filter(String name, Pattern pattern, FilterAction action, String message) {}

    private final List<Filter> filters = new ArrayList<>();

    /** @throws IllegalArgumentException when a custom filter's pattern is not a regular expression */
    public Moderation(ContentModeration config) {
        if (config == null || !Boolean.TRUE.equals(config.getEnabled())) {
            return;
        }
        FilterAction fallback = Objects.requireNonNullElse(config.getAction(), FilterAction.WARN);
        for (CustomFilter custom : Objects.requireNonNullElse(config.getCustomFilters(), List.<CustomFilter>of())) {
            filters.add(new Filter(
                    custom.getName(),
                    compile(custom),
                    Objects.requireNonNullElse(custom.getAction(), fallback),
                    Objects.requireNonNullElse(custom.getMessage(), "This conversation touches a blocked topic.")));
        }
        if (Boolean.TRUE.equals(config.getFilterPII())) {
            for (Pattern pattern : PERSONAL_DATA) {
                filters.add(new Filter("personal data", pattern, fallback, "Personal data is not allowed here."));
            }
        }
        if (Boolean.TRUE.equals(config.getFilterProfanity()) || Boolean.TRUE.equals(config.getFilterToxic())) {
            LOG.warn("contentModeration.filterProfanity and filterToxic need a classifier the console does not have;"
                    + " use customFilters for the words to refuse");
        }
    }

    private static Pattern compile(CustomFilter custom) {
        try {
            return Pattern.compile(custom.getPattern(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException invalid) {
            throw new IllegalArgumentException("contentModeration.customFilters '" + custom.getName()
                    + "': the pattern is not a regular expression: " + invalid.getDescription());
        }
    }

    /** The strongest verdict on {@code text} (block before warn before log), if any filter matches. */
    public Optional<Verdict> check(String text) {
        return filters.stream()
                .filter(filter -> filter.pattern().matcher(text).find())
                .map(filter -> new Verdict(filter.action(), filter.name(), filter.message()))
                .min(Comparator.comparing(Verdict::action)); // BLOCK, WARN, LOG: declaration order
    }

    /** Whether answers must be read whole before any of them is shown: some filter blocks. */
    public boolean screensAnswers() {
        return filters.stream().anyMatch(filter -> filter.action() == FilterAction.BLOCK);
    }
}
