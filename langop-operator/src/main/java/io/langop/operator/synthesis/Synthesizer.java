package io.langop.operator.synthesis;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.langop.kit.check.CheckResult;
import io.langop.kit.check.CodeChecker;
import io.langop.kit.dryrun.DryRunReport;
import io.langop.sdk.errors.Causes;
import io.langop.sdk.llm.LlmClient;
import io.langop.sdk.llm.LlmException;
import io.langop.wire.AgentFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the synthesis LLM for {@code Agent.java}, proves the answer compiles against the SDK, passes the
 * safety policy and fits the agent's tools and resource (the semantic check), then runs it once on stand-in
 * answers (the dry run); otherwise hands the diagnostics, or the dry run's failure, back for a bounded number
 * of repair rounds. The conversation is kept across rounds, so the model repairs its own code instead of
 * starting over.
 */
public final class Synthesizer {

    static final String FILE_NAME = AgentFiles.CODE_FILE;
    /** How a dry run's failure is told apart from the checks' diagnostics in {@code status.synthesis.lastErrors}. */
    public static final String DRY_RUN_PREFIX = "dry run: ";

    private static final Logger LOG = LoggerFactory.getLogger(Synthesizer.class);

    private final LlmClient llm;
    private final CodeChecker checker;
    private final SynthesisPrompt prompt;
    private final DryRunner dryRun;
    private final int repairRounds;

    public Synthesizer(LlmClient llm, CodeChecker checker, DryRunner dryRun, SynthesisPrompt prompt, int repairRounds) {
        if (repairRounds < 0) {
            throw new IllegalArgumentException("repair rounds cannot be negative, got " + repairRounds);
        }
        this.llm = llm;
        this.checker = checker;
        this.prompt = prompt;
        this.dryRun = dryRun;
        this.repairRounds = repairRounds;
    }

    public SynthesisPrompt prompt() {
        return prompt;
    }

    /**
     * Writes the agent's code: the LLM's answer, checked and repaired within the synthesis budget.
     *
     * @throws SynthesisUnavailableException when the LLM cannot be reached or keeps failing
     */
    public SynthesisResult synthesize(AgentBrief brief) throws InterruptedException {
        long started = System.nanoTime();
        List<ChatMessage> conversation = new ArrayList<>();
        conversation.add(UserMessage.from(prompt.synthesis(brief)));
        long promptTokens = 0;
        long completionTokens = 0;
        List<String> errors = List.of();
        Optional<DryRunReport> lastDryRun = Optional.empty();
        int attempt = 0;
        while (attempt <= repairRounds) {
            attempt++;
            ChatResponse response = ask(brief, conversation);
            TokenUsage usage = response.tokenUsage();
            if (usage != null) {
                promptTokens += orZero(usage.inputTokenCount());
                completionTokens += orZero(usage.outputTokenCount());
            }
            String answer = Optional.ofNullable(response.aiMessage().text()).orElse("");
            Optional<String> source = CodeExtractor.extract(answer);
            String diagnostics;
            lastDryRun = Optional.empty();
            if (source.isEmpty()) {
                errors = List.of("the answer contained no Java source file");
                diagnostics = prompt.repair(errors.getFirst());
            } else {
                CheckResult check = checker.check(source.get(), brief.request().setting());
                if (check.passed()) {
                    DryRunReport trial = dryRun.run(check, brief.request().setting());
                    lastDryRun = Optional.of(trial);
                    if (trial.passed()) {
                        LOG.info(
                                "synthesized {}/{} in {} attempt(s); dry run: {}",
                                brief.namespace(),
                                brief.agentName(),
                                attempt,
                                trial.summary());
                        return new SynthesisResult(
                                source,
                                llm.modelName(),
                                attempt,
                                promptTokens,
                                completionTokens,
                                since(started),
                                List.of(),
                                lastDryRun);
                    }
                    errors = List.of(DRY_RUN_PREFIX + trial.summary());
                    diagnostics = prompt.dryRunRepair(trial.summary());
                } else {
                    errors = check.diagnostics().stream()
                            .map(diagnostic -> diagnostic.format(FILE_NAME))
                            .toList();
                    diagnostics = prompt.repair(check.report(FILE_NAME));
                }
            }
            LOG.info(
                    "synthesis attempt {} for {}/{} refused: {} problem(s)",
                    attempt,
                    brief.namespace(),
                    brief.agentName(),
                    errors.size());
            conversation.add(AiMessage.from(answer));
            conversation.add(UserMessage.from(diagnostics));
        }
        return new SynthesisResult(
                Optional.empty(),
                llm.modelName(),
                attempt,
                promptTokens,
                completionTokens,
                since(started),
                errors,
                lastDryRun);
    }

    private ChatResponse ask(AgentBrief brief, List<ChatMessage> conversation) throws InterruptedException {
        try {
            return llm.chat(ChatRequest.builder()
                    .messages(List.copyOf(conversation))
                    .temperature(0.2)
                    .build());
        } catch (RuntimeException failure) {
            // an LlmException names the endpoint, the model and the cause; anything else is described here
            String why = failure instanceof LlmException ? failure.getMessage() : Causes.describe(failure);
            throw new SynthesisUnavailableException(
                    "synthesis of " + brief.namespace() + "/" + brief.agentName() + " failed: " + why, failure);
        }
    }

    private static long orZero(Integer count) {
        return count == null ? 0 : count;
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
