package io.langop.operator.synthesis;

import io.langop.sdk.check.CodeChecker;
import io.langop.sdk.config.RetryPolicy;
import io.langop.sdk.llm.LlmClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One synthesis as the {@link SynthesisService} runs it in the background: distil the agent's persona
 * (cached per persona version), then ask the agent's synthesis LLM for checked code. One client, one
 * synthesizer and one persona cache per LLM, reused by every agent that writes with it.
 */
public final class SynthesisJob implements SynthesisService.Job {

  /** In-cluster proxies need no key, but the OpenAI client insists on sending one. */
  private static final String NO_KEY = "unused";

  private final SynthesisSettings settings;
  private final CodeChecker checker;
  private final SynthesisPrompt prompt;
  private final Map<SynthesisTarget, Writer> writers = new ConcurrentHashMap<>();

  private record Writer(PersonaDistiller distiller, Synthesizer synthesizer) {}

  public SynthesisJob(SynthesisSettings settings, CodeChecker checker, SynthesisPrompt prompt) {
    this.settings = settings;
    this.checker = checker;
    this.prompt = prompt;
  }

  @Override
  public SynthesisResult run(SynthesisRequest request) throws InterruptedException {
    SynthesisTarget target = request.target().or(settings::defaultTarget).orElseThrow(() ->
        new IllegalStateException("no synthesis endpoint configured and " + request.namespace() + "/"
            + request.agentName() + " names no spec.synthesis.modelRef"));
    Writer writer = writers.computeIfAbsent(target, this::writer);
    SynthesisRequest ready = request;
    if (request.personaSource().isPresent()) {
      var persona = request.personaSource().get();
      ready = request.withPersona(writer.distiller().distill(persona.name(), persona.specJson()));
    }
    return writer.synthesizer().synthesize(ready);
  }

  private Writer writer(SynthesisTarget target) {
    String key = target.external() ? settings.apiKey().orElse(NO_KEY) : NO_KEY;
    // failures surface to the SynthesisService, whose backoff spans minutes; one quick retry covers a blip
    LlmClient llm = LlmClient.openAiCompatible(target.baseUrl(), key, target.model(), settings.llmTimeout(),
        new RetryPolicy(2, settings.firstRetry().dividedBy(10), settings.firstRetry()));
    return new Writer(new PersonaDistiller(llm), new Synthesizer(llm, checker, prompt, settings.repairRounds()));
  }
}
