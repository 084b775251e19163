package io.langop.operator.synthesis;

import io.langop.kit.check.CodeChecker;
import io.langop.sdk.llm.LlmClient;
import io.langop.sdk.retry.Backoff;
import io.langop.server.metrics.MeterBuilders;
import io.langop.trace.SpanScope;
import io.langop.trace.TraceAttributes;
import io.langop.trace.Traces;
import io.langop.wire.Meters;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One synthesis as the {@link SynthesisService} runs it in the background: distil the agent's persona
 * (cached per persona version), then ask the agent's
 * synthesis LLM for checked code. Failure messages leave with the API key masked. One persona cache
 * per LLM and one synthesizer per LLM and repair bound, reused by every agent that writes with them.
 */
public final class SynthesisJob implements SynthesisService.Job {

    /** An external endpoint without a key (a local Ollama) still gets one: the OpenAI client insists on it. */
    private static final String NO_KEY = "unused";

    private final SynthesisSettings settings;
    private final CodeChecker checker;
    private final DryRunner dryRun;
    private final SynthesisPrompt prompt;
    private final ProxyKeyLookup proxyKeys;
    private final Map<SynthesisTarget, PersonaDistiller> distillers = new ConcurrentHashMap<>();
    private final Map<WriterKey, Synthesizer> synthesizers = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    private record WriterKey(SynthesisTarget target, int repairRounds) {}

    /**
     * @param proxyKeys the operator's key at each model proxy
     * @param meters where each synthesis is counted and timed ({@link Meters#OPERATOR_SYNTHESES})
     */
    public SynthesisJob(
            SynthesisSettings settings,
            CodeChecker checker,
            DryRunner dryRun,
            SynthesisPrompt prompt,
            ProxyKeyLookup proxyKeys,
            MeterRegistry meters) {
        this.meters = meters;
        this.proxyKeys = proxyKeys;
        this.settings = settings;
        this.checker = checker;
        this.dryRun = dryRun;
        this.prompt = prompt;
    }

    @Override
    public SynthesisResult run(SynthesisRequest request) throws InterruptedException {
        // its LLM calls (distillation, writing, repairs) are the span's children
        try (SpanScope span = SpanScope.start(Traces.span("synthesize " + request.agentName(), SpanKind.INTERNAL)
                .setAttribute(TraceAttributes.K8S_KIND, "LanguageAgent")
                .setAttribute(TraceAttributes.K8S_NAMESPACE, request.namespace())
                .setAttribute(TraceAttributes.K8S_NAME, request.agentName()))) {
            long started = System.nanoTime();
            String outcome = "error";
            try {
                SynthesisResult result = write(request);
                outcome = result.succeeded() ? "succeeded" : "refused";
                return result;
            } catch (SynthesisUnavailableException failure) {
                outcome = "unavailable";
                // the LLM's error body can echo the key; the message goes to status, events and logs
                var redacted =
                        new SynthesisUnavailableException(settings.redact(failure.getMessage()), failure.getCause());
                span.fail(redacted);
                throw redacted;
            } catch (InterruptedException | RuntimeException failure) {
                span.fail(new IllegalStateException(settings.redact(String.valueOf(failure.getMessage()))));
                throw failure;
            } finally {
                count(outcome, System.nanoTime() - started);
            }
        }
    }

    /** Counted while the synthesis's span is current: the histogram's exemplar is its trace. */
    private void count(String outcome, long nanos) {
        MeterBuilders.counter(Meters.OPERATOR_SYNTHESES)
                .tag("outcome", outcome)
                .register(meters)
                .increment();
        MeterBuilders.timer(Meters.OPERATOR_SYNTHESIS_DURATION)
                .tag("outcome", outcome)
                .register(meters)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private SynthesisResult write(SynthesisRequest request) throws InterruptedException {
        SynthesisTarget target = request.target()
                .or(settings::defaultTarget)
                .orElseThrow(() -> new IllegalStateException("no synthesis endpoint configured and "
                        + request.namespace() + "/" + request.agentName() + " names no spec.synthesis.modelRef"));
        String persona = "";
        if (request.persona().isPresent()) {
            var source = request.persona().get();
            persona = distillers
                    .computeIfAbsent(target, t -> new PersonaDistiller(llm(t)))
                    .distill(source.name(), source.specJson());
        }
        AgentBrief brief = new AgentBrief(request, persona);
        WriterKey key = new WriterKey(target, request.repairRounds().orElse(settings.repairRounds()));
        return synthesizers
                .computeIfAbsent(key, k -> new Synthesizer(llm(k.target()), checker, dryRun, prompt, k.repairRounds()))
                .synthesize(brief);
    }

    private LlmClient llm(SynthesisTarget target) {
        String key = target.external()
                ? settings.apiKey().orElse(NO_KEY)
                : proxyKeys
                        .keyOf(target.namespace(), target.model())
                        .orElseThrow(() -> new SynthesisUnavailableException(
                                "the model proxy of " + target.namespace() + "/" + target.model()
                                        + " has no key for the operator yet",
                                null));
        // failures surface to the SynthesisService, whose backoff spans minutes; one quick retry covers a blip
        return LlmClient.openAiCompatible(
                target.baseUrl(),
                key,
                target.model(),
                settings.llmTimeout(),
                new Backoff(2, settings.firstRetry().dividedBy(10), settings.firstRetry()));
    }
}
