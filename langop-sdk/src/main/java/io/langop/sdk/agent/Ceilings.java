package io.langop.sdk.agent;

import io.langop.sdk.agent.Constraints.CostLimit;
import io.langop.sdk.agent.Constraints.Pricing;
import io.langop.sdk.content.ContentCheck;
import io.langop.sdk.content.ContentDetector;
import io.langop.wire.AgentLimits;
import io.langop.wire.AgentLimits.ContentFilter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The limits a LanguageAgent's spec sets (its {@code timeout}, {@code maxIterations}, {@code safetyConfig},
 * {@code rateLimits} and its persona's blocked topics), which the agent's code cannot raise: {@link #applyTo} keeps,
 * limit by limit, the stricter of the spec's and the code's. The code is written by an LLM; the spec by whoever
 * runs the platform.
 */
public record Ceilings(OptionalInt maxIterations, Optional<Duration> timeout, AgentLimits limits) {

    public static final Ceilings NONE = new Ceilings(OptionalInt.empty(), Optional.empty(), AgentLimits.NONE);

    private static final Logger LOG = LoggerFactory.getLogger(Ceilings.class);

    /** The code's constraints with every limit the spec sets tightened to the spec's value where it is lower. */
    public Constraints applyTo(Constraints code) {
        List<Pattern> blocked = new ArrayList<>(code.blockedPatterns());
        List<Pattern> flagged = new ArrayList<>(code.flaggedPatterns());
        List<ContentCheck> checks = new ArrayList<>(code.contentChecks());
        for (ContentFilter filter : limits.contentFilters()) {
            Optional<ContentDetector> detector = ContentDetector.forFilterType(filter.type());
            if (detector.isPresent()) {
                checks.add(new ContentCheck(detector.get(), isBlocking(filter)));
            } else if ("custom".equals(filter.type()) && filter.pattern() != null) {
                Pattern pattern = Pattern.compile(filter.pattern());
                (isBlocking(filter) ? blocked : flagged).add(pattern);
            } else {
                // the schema refuses these (toxic needs a model); an operator older than its schema could send one
                LOG.warn("Content filter '{}' is not enforced by the agent runtime", filter.type());
            }
        }
        return new Constraints(
                stricter(code.maxIterations(), maxIterations),
                Stream.of(code.timeout(), timeout).flatMap(Optional::stream).min(Comparator.naturalOrder()),
                code.tokenBudget(),
                code.costBudgetUsd(),
                code.pricing(),
                stricterRate(code.requestsPerMinute(), limits.requestsPerMinute()),
                Stream.concat(code.blockedTopics().stream(), limits.blockedTopics().stream())
                        .distinct()
                        .toList(),
                blocked,
                limits.maxToolCallsPerIteration() == null
                        ? code.maxToolCallsPerIteration()
                        : Math.min(code.maxToolCallsPerIteration(), limits.maxToolCallsPerIteration()),
                stricterRate(code.tokensPerMinute(), limits.tokensPerMinute()),
                stricterRate(code.toolCallsPerMinute(), limits.toolCallsPerMinute()),
                costCeiling().or(code::costCeiling),
                flagged,
                Stream.concat(code.blockedTools().stream(), limits.blockedTools().stream())
                        .distinct()
                        .toList(),
                checks);
    }

    private Optional<CostLimit> costCeiling() {
        if (limits.maxCostPerExecution() == null) {
            return Optional.empty();
        }
        if (limits.prices() == null) {
            LOG.warn("safetyConfig.maxCostPerExecution is not enforced: the agent's model has no costTracking prices");
            return Optional.empty();
        }
        var prices = limits.prices();
        return Optional.of(new CostLimit(
                limits.maxCostPerExecution(),
                new Pricing(prices.inputPer1000Tokens() * 1000, prices.outputPer1000Tokens() * 1000),
                prices.currency() == null ? "" : prices.currency()));
    }

    private static boolean isBlocking(ContentFilter filter) {
        return filter.action() == null || "block".equals(filter.action().toLowerCase(Locale.ROOT));
    }

    private static int stricter(int code, OptionalInt spec) {
        return spec.isPresent() ? Math.min(code, spec.getAsInt()) : code;
    }

    /** The lower of two limits where 0 (or null) means none. */
    private static int stricterRate(int code, Integer spec) {
        if (spec == null || spec <= 0) {
            return code;
        }
        return code <= 0 ? spec : Math.min(code, spec);
    }
}
