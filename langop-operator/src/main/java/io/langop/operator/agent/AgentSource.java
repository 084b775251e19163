package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.SynthesisStatus;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.Owners;
import io.langop.operator.synthesis.SynthesisFingerprint;
import io.langop.operator.synthesis.SynthesisResult;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A version of an agent's {@code Agent.java} as the code ConfigMap holds it, with annotations naming
 * the inputs it was written from (the fingerprint) and how it was written (model, attempts, tokens,
 * duration, time), from which {@code status.synthesis} is rebuilt.
 */
record AgentSource(String source, Map<String, String> annotations) {

    static final String MODEL = "langop.io/synthesis-model";
    static final String ATTEMPTS = "langop.io/synthesis-attempts";
    static final String PROMPT_TOKENS = "langop.io/synthesis-prompt-tokens";
    static final String COMPLETION_TOKENS = "langop.io/synthesis-completion-tokens";
    static final String DURATION_MILLIS = "langop.io/synthesis-duration-millis";
    static final String TIME = "langop.io/synthesis-time";
    /** What the code's dry run did, in one line: the {@code DryRun} condition's message while it runs. */
    static final String DRY_RUN = "langop.io/dry-run";
    /** On code put back after a rollback: the hash of the code whose runs failed. */
    static final String ROLLED_BACK_FROM = "langop.io/rolled-back-from";
    /** On code put back, and on the code written after it: how the rolled-back code's runs failed. */
    static final String RUN_FAILURE = "langop.io/run-failure";
    /** On code put back: the input hash the failed code was written from; a change of inputs ends the rollback. */
    static final String ROLLBACK_INPUTS = "langop.io/rollback-inputs";
    /** On code put back: whether new code is still to be written with the failure ({@code true}), once per chain. */
    static final String REWRITE_WANTED = "langop.io/rewrite-wanted";
    /** On code written after a rollback: the hash of the code that failed. */
    static final String REWRITE_OF = "langop.io/rewrite-of";

    private static final java.util.Set<String> ROLLBACK_ANNOTATIONS =
            java.util.Set.of(ROLLED_BACK_FROM, RUN_FAILURE, ROLLBACK_INPUTS, REWRITE_WANTED, REWRITE_OF);

    AgentSource {
        annotations = Map.copyOf(annotations);
    }

    /** The checked code of a successful synthesis, annotated with its inputs and its cost. */
    static AgentSource synthesized(SynthesisResult result, SynthesisFingerprint inputs) {
        Map<String, String> annotations = new LinkedHashMap<>(inputs.annotations());
        annotations.put(MODEL, result.model());
        annotations.put(ATTEMPTS, Integer.toString(result.attempts()));
        annotations.put(PROMPT_TOKENS, Long.toString(result.promptTokens()));
        annotations.put(COMPLETION_TOKENS, Long.toString(result.completionTokens()));
        annotations.put(DURATION_MILLIS, Long.toString(result.duration().toMillis()));
        annotations.put(TIME, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        result.dryRun().ifPresent(dryRun -> annotations.put(DRY_RUN, dryRun.summary()));
        return new AgentSource(result.source().orElseThrow(), annotations);
    }

    /** {@code status.synthesis} of this code (without {@code inputHash}); fields the annotations lack stay unset. */
    SynthesisStatus synthesisStatus() {
        SynthesisStatus status = new SynthesisStatus();
        status.setModel(annotations.get(MODEL));
        status.setAttempts(number(ATTEMPTS, Integer::valueOf));
        status.setPromptTokens(number(PROMPT_TOKENS, Long::valueOf));
        status.setCompletionTokens(number(COMPLETION_TOKENS, Long::valueOf));
        status.setDurationMillis(number(DURATION_MILLIS, Long::valueOf));
        status.setTime(annotations.get(TIME));
        status.setCodeHash(hash());
        return status;
    }

    private <N> N number(String key, Function<String, N> parse) {
        try {
            return annotations.containsKey(key) ? parse.apply(annotations.get(key)) : null;
        } catch (NumberFormatException edited) {
            return null; // someone edited the annotation: the code is still good, only the figure is lost
        }
    }

    /** What this code's dry run did, when it had one (code written before dry runs existed had none). */
    Optional<String> dryRun() {
        return Optional.ofNullable(annotations.get(DRY_RUN));
    }

    /**
     * This (last good) code, put back because {@code failed} failed its first runs: annotated with what failed and
     * how, and whether new code is still to be written. Code that was itself written after a rollback and failed
     * too gets no further rewrite, so a chain of failures costs at most one synthesis.
     */
    AgentSource restoredAfter(AgentSource failed, String failure, String inputHash) {
        Map<String, String> restored = new LinkedHashMap<>(withoutRollback());
        restored.put(ROLLED_BACK_FROM, failed.hash());
        restored.put(RUN_FAILURE, failure);
        restored.put(ROLLBACK_INPUTS, inputHash);
        restored.put(REWRITE_WANTED, Boolean.toString(failed.rewriteOf().isEmpty()));
        return new AgentSource(source, restored);
    }

    /** This new code, written after {@code failedHash} was rolled back for {@code failure}. */
    AgentSource rewriteOf(String failedHash, String failure) {
        Map<String, String> rewritten = new LinkedHashMap<>(withoutRollback());
        rewritten.put(REWRITE_OF, failedHash);
        rewritten.put(RUN_FAILURE, failure);
        return new AgentSource(source, rewritten);
    }

    /** The same code, as it was written (what the last-good ConfigMap keeps). */
    AgentSource asWritten() {
        return new AgentSource(source, withoutRollback());
    }

    private Map<String, String> withoutRollback() {
        Map<String, String> kept = new LinkedHashMap<>(annotations);
        kept.keySet().removeAll(ROLLBACK_ANNOTATIONS);
        return kept;
    }

    Optional<String> rolledBackFrom() {
        return Optional.ofNullable(annotations.get(ROLLED_BACK_FROM));
    }

    Optional<String> rewriteOf() {
        return Optional.ofNullable(annotations.get(REWRITE_OF));
    }

    String runFailure() {
        return annotations.getOrDefault(RUN_FAILURE, "");
    }

    /** Whether this restored code is waiting for new code to be written for {@code inputHash}. */
    boolean awaitsRewriteFor(String inputHash) {
        return rolledBackFrom().isPresent()
                && inputHash.equals(annotations.get(ROLLBACK_INPUTS))
                && Boolean.parseBoolean(annotations.get(REWRITE_WANTED));
    }

    /** Whether this is restored code whose rewrite was spent for {@code inputHash}: it stays until the inputs change. */
    boolean keptAfterFailedRewriteFor(String inputHash) {
        return rolledBackFrom().isPresent()
                && inputHash.equals(annotations.get(ROLLBACK_INPUTS))
                && !Boolean.parseBoolean(annotations.get(REWRITE_WANTED));
    }

    /**
     * A ConfigMap of the agent holding this code as {@code Agent.java}, with its annotations: {@code <agent>-code},
     * which the pods mount, or {@code <agent>-good-code}, which keeps the last good code.
     */
    ConfigMap configMap(LanguageAgent agent, String name, String component, String clusterRef) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(agent.getMetadata().getNamespace())
                .withLabels(Labels.of(agent, component, clusterRef))
                .withAnnotations(annotations)
                .withOwnerReferences(Owners.controller(agent))
                .endMetadata()
                .withData(Map.of(AgentPodTemplate.CODE_FILE, source))
                .build();
    }

    /** The code a ConfigMap holds, with its annotations, if it holds any. */
    static Optional<AgentSource> of(ConfigMap configMap) {
        String source = configMap.getData() == null ? null : configMap.getData().get(AgentPodTemplate.CODE_FILE);
        if (source == null) {
            return Optional.empty();
        }
        Map<String, String> annotations = configMap.getMetadata().getAnnotations();
        return Optional.of(new AgentSource(source, annotations == null ? Map.of() : annotations));
    }

    /** What the pod annotation {@code langop.io/code-hash} carries, so new code rolls out. */
    String hash() {
        return SynthesisFingerprint.sha256(source);
    }
}
