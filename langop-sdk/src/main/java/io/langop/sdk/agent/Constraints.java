package io.langop.sdk.agent;

import io.langop.sdk.content.ContentCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Limits enforced while a run executes; exceeding one stops the run with a {@link ConstraintViolationException}.
 *
 * @param maxIterations LLM turns (requests) per run
 * @param timeout wall-clock limit of a run, if any
 * @param tokenBudget prompt + completion tokens per run, 0 = unlimited
 * @param costBudgetUsd spend per run in US dollars under {@code pricing}, 0 = unlimited
 * @param requestsPerMinute LLM requests in any sliding minute, 0 = unlimited
 * @param blockedTopics phrases (case-insensitive) refused in prompts and outputs
 * @param blockedPatterns regular expressions refused in prompts and outputs
 * @param maxToolCallsPerIteration tool calls one model answer may ask for ({@link Integer#MAX_VALUE}: unlimited)
 * @param tokensPerMinute prompt + completion tokens in any sliding minute, 0 = unlimited
 * @param toolCallsPerMinute tool calls in any sliding minute, 0 = unlimited
 * @param costCeiling a second cost limit under its own prices: the platform's (a LanguageAgent's
 *     {@code safetyConfig.maxCostPerExecution} in its model's currency), checked besides {@code costBudgetUsd}
 * @param flaggedPatterns regular expressions logged (not refused) when prompts or outputs match them
 * @param blockedTools tools the run may never call, whether the model or a workflow step asks
 * @param contentChecks built-in filters (personal data, profanity) over prompts and outputs: the platform's
 *     ({@code safetyConfig.contentFilters})
 */
public record Constraints(
        int maxIterations,
        Optional<Duration> timeout,
        long tokenBudget,
        double costBudgetUsd,
        Pricing pricing,
        int requestsPerMinute,
        List<String> blockedTopics,
        List<Pattern> blockedPatterns,
        int maxToolCallsPerIteration,
        int tokensPerMinute,
        int toolCallsPerMinute,
        Optional<CostLimit> costCeiling,
        List<Pattern> flaggedPatterns,
        List<String> blockedTools,
        List<ContentCheck> contentChecks) {

    public static final int DEFAULT_MAX_ITERATIONS = 50;
    public static final Constraints DEFAULTS = builder().build();

    /** Model prices in US dollars per million tokens, used to turn token usage into cost. */
    public record Pricing(double inputPerMillion, double outputPerMillion) {
        public static final Pricing FREE = new Pricing(0, 0);

        public double cost(long inputTokens, long outputTokens) {
            return (inputTokens * inputPerMillion + outputTokens * outputPerMillion) / 1_000_000;
        }
    }

    /** A cost limit of one run, in the currency {@code pricing} is stated in. */
    public record CostLimit(double max, Pricing pricing, String currency) {}

    public Constraints {
        blockedTopics = List.copyOf(blockedTopics);
        blockedPatterns = List.copyOf(blockedPatterns);
        flaggedPatterns = List.copyOf(flaggedPatterns);
        blockedTools = List.copyOf(blockedTools);
        contentChecks = List.copyOf(contentChecks);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private int maxIterations = DEFAULT_MAX_ITERATIONS;
        private Duration timeout;
        private long tokenBudget;
        private double costBudgetUsd;
        private Pricing pricing = Pricing.FREE;
        private int requestsPerMinute;
        private final List<String> blockedTopics = new ArrayList<>();
        private final List<Pattern> blockedPatterns = new ArrayList<>();
        private int maxToolCallsPerIteration = Integer.MAX_VALUE;
        private int tokensPerMinute;
        private int toolCallsPerMinute;

        private Builder() {}

        public Builder maxIterations(int value) {
            this.maxIterations = positive("maxIterations", value);
            return this;
        }

        public Builder timeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("constraint timeout must be positive, got " + value);
            }
            this.timeout = value;
            return this;
        }

        public Builder tokenBudget(long tokens) {
            this.tokenBudget = positive("tokenBudget", tokens);
            return this;
        }

        public Builder costBudget(double usd, Pricing modelPricing) {
            if (!(usd > 0)) {
                throw new IllegalArgumentException("constraint costBudget must be positive, got " + usd);
            }
            this.costBudgetUsd = usd;
            this.pricing = modelPricing;
            return this;
        }

        public Builder requestsPerMinute(int value) {
            this.requestsPerMinute = positive("requestsPerMinute", value);
            return this;
        }

        /** Tool calls one model answer may ask for; an answer asking for more stops the run before any runs. */
        public Builder maxToolCallsPerIteration(int value) {
            if (value < 0) {
                throw new IllegalArgumentException(
                        "constraint maxToolCallsPerIteration must not be negative, got " + value);
            }
            this.maxToolCallsPerIteration = value;
            return this;
        }

        public Builder tokensPerMinute(int value) {
            this.tokensPerMinute = positive("tokensPerMinute", value);
            return this;
        }

        public Builder toolCallsPerMinute(int value) {
            this.toolCallsPerMinute = positive("toolCallsPerMinute", value);
            return this;
        }

        public Builder blockedTopics(String... topics) {
            blockedTopics.addAll(Arrays.asList(topics));
            return this;
        }

        /** Java regular expressions; an invalid one fails here, when the agent is defined. */
        public Builder blockedPatterns(String... regexes) {
            for (String regex : regexes) {
                blockedPatterns.add(Pattern.compile(regex));
            }
            return this;
        }

        public Constraints build() {
            return new Constraints(
                    maxIterations,
                    Optional.ofNullable(timeout),
                    tokenBudget,
                    costBudgetUsd,
                    pricing,
                    requestsPerMinute,
                    blockedTopics,
                    blockedPatterns,
                    maxToolCallsPerIteration,
                    tokensPerMinute,
                    toolCallsPerMinute,
                    Optional.empty(),
                    List.of(),
                    List.of(),
                    List.of());
        }

        private static <N extends Number> N positive(String name, N value) {
            if (value.longValue() <= 0) {
                throw new IllegalArgumentException("constraint " + name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
