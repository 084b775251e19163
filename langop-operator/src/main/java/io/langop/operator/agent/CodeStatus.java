package io.langop.operator.agent;

import io.langop.api.v1alpha1.agent.AgentConditions;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.LanguageAgentStatus;
import io.langop.api.v1alpha1.agent.SynthesisStatus;
import io.langop.operator.kube.Conditions;
import io.langop.operator.synthesis.SynthesisResult;
import io.langop.operator.synthesis.Synthesizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Writes one reconcile's verdict on a synthesized agent's code into its status: the {@code Synthesized},
 * {@code Validated}, {@code DryRun}, {@code CodeUpdated} and {@code RolledBack} conditions — always all five, in
 * the same order, so the status keeps its shape from one state to the next — and {@code status.synthesis}.
 */
final class CodeStatus {

    static final String SYNTHESIZED = AgentConditions.SYNTHESIZED;
    static final String VALIDATED = AgentConditions.VALIDATED;
    static final String DRY_RUN = AgentConditions.DRY_RUN;
    static final String CODE_UPDATED = AgentConditions.CODE_UPDATED;
    static final String ROLLED_BACK = AgentConditions.ROLLED_BACK;

    private final LanguageAgent agent;
    private final Optional<AgentSource> last;
    private final LanguageAgentStatus status;
    private final Conditions conditions;

    /** @param last the code the agent's ConfigMap holds, which keeps running until new code is written */
    CodeStatus(LanguageAgent agent, Optional<AgentSource> last, LanguageAgentStatus status, Conditions conditions) {
        this.agent = agent;
        this.last = last;
        this.status = status;
        this.conditions = conditions;
    }

    /**
     * The code in the ConfigMap was written from the current inputs. The status is rebuilt from the
     * ConfigMap, the one record of what the running code is: a status written from a stale cache, lost,
     * or from before a restart is put right by the next reconcile.
     */
    CodeDecision inPlace(AgentSource code, String inputHash) {
        SynthesisStatus synthesis = code.synthesisStatus();
        synthesis.setInputHash(inputHash);
        status.setSynthesis(synthesis);
        conditions.set(
                SYNTHESIZED, true, "Synthesized", "written from the current instructions, tools, models and persona");
        conditions.set(
                VALIDATED,
                true,
                "Validated",
                "compiles against the SDK, passes the safety policy and fits the agent's tools and resource");
        dryRunOf(code);
        conditions.set(
                CODE_UPDATED,
                true,
                "CodeUpdated",
                "ConfigMap " + configMapName() + " holds code " + code.hash().substring(0, 12));
        rollbackOf(Optional.of(code));
        return CodeDecision.keep(Optional.of(code));
    }

    /**
     * The last good code was put back ({@code restored}, annotated by {@link AgentSource#restoredAfter}) because the
     * code written after it failed its first runs, and the code written once more with that failure failed too:
     * it runs until the inputs change.
     */
    CodeDecision rewriteSpent(AgentSource restored, String inputHash) {
        SynthesisStatus synthesis = restored.synthesisStatus();
        synthesis.setInputHash(inputHash);
        status.setSynthesis(synthesis);
        conditions.set(
                SYNTHESIZED,
                false,
                "RewriteFailed",
                "the code written after a rollback failed its runs too; no more code is written until the"
                        + " instructions, tools, models or persona change");
        conditions.set(VALIDATED, true, "Validated", "the running code passed the checks");
        dryRunOf(restored);
        conditions.set(
                CODE_UPDATED,
                false,
                "RewriteFailed",
                "ConfigMap " + configMapName() + " holds the last good code "
                        + restored.hash().substring(0, 12));
        rollbackOf(Optional.of(restored));
        return CodeDecision.keep(Optional.of(restored));
    }

    /** No new code (yet): the last good code, if any, keeps running. */
    CodeDecision waiting(String reason, String message) {
        conditions.set(SYNTHESIZED, false, reason, message);
        if (last.isPresent()) {
            describeRunning(last.get());
            conditions.set(VALIDATED, true, "Validated", "the running code passed the checks");
            dryRunOf(last.get());
            conditions.set(
                    CODE_UPDATED,
                    false,
                    reason,
                    "ConfigMap " + configMapName() + " keeps the previous code "
                            + last.get().hash().substring(0, 12));
        } else {
            conditions.set(VALIDATED, false, "NoCode", "no code written yet");
            conditions.set(DRY_RUN, false, "NoCode", "no code written yet");
            conditions.set(CODE_UPDATED, false, reason, "no code written yet");
        }
        rollbackOf(last);
        return CodeDecision.keep(last);
    }

    /** A synthesis of the current inputs just ended without valid code: recorded, with its diagnostics. */
    CodeDecision refused(SynthesisResult result, String inputHash) {
        SynthesisStatus failed = new SynthesisStatus();
        failed.setModel(result.model());
        failed.setDurationMillis(result.duration().toMillis());
        failed.setAttempts(result.attempts());
        failed.setPromptTokens(result.promptTokens());
        failed.setCompletionTokens(result.completionTokens());
        failed.setCodeHash(last.map(AgentSource::hash).orElse(null));
        failed.setInputHash(inputHash);
        failed.setTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        failed.setLastErrors(ErrorLists.bounded(result.errors()));
        status.setSynthesis(failed);
        return refused(failed);
    }

    /** The synthesis recorded in {@code failed} found no valid code; the previous code, if any, keeps running. */
    CodeDecision refused(SynthesisStatus failed) {
        String kept = last.isPresent() ? "; the previous code keeps running" : "";
        conditions.set(
                SYNTHESIZED,
                false,
                "SynthesisFailed",
                "no valid code after " + failed.getAttempts() + " attempt(s)" + kept);
        List<String> errors = failed.getLastErrors() == null ? List.of() : failed.getLastErrors();
        Optional<String> dryRunFailure = errors.stream()
                .filter(error -> error.startsWith(Synthesizer.DRY_RUN_PREFIX))
                .findFirst()
                .map(error -> error.substring(Synthesizer.DRY_RUN_PREFIX.length()));
        if (dryRunFailure.isPresent()) {
            conditions.set(
                    VALIDATED,
                    true,
                    "Validated",
                    "the last answer compiles against the SDK, passes the safety policy and fits the agent's tools"
                            + " and resource");
            conditions.set(DRY_RUN, false, "DryRunFailed", dryRunFailure.get());
        } else {
            conditions.set(VALIDATED, false, "ValidationFailed", ErrorLists.summary(errors, "the last answer"));
            conditions.set(DRY_RUN, false, "NotRun", "the last answer did not pass the checks, so it was not run");
        }
        conditions.set(
                CODE_UPDATED,
                false,
                last.isPresent() ? "PreviousCodeKept" : "NoValidCode",
                "ConfigMap " + configMapName() + kept);
        rollbackOf(last);
        return CodeDecision.keep(last);
    }

    /**
     * Keeps {@code status.synthesis} on the code that runs while new code is written. It names the code last in
     * place, which is the running code but after a rollback: the code put back runs while new code is written with
     * the failure, and the status named the code that failed. Rebuilt from the ConfigMap's annotations, without an
     * input hash: that code was written from earlier inputs.
     */
    private void describeRunning(AgentSource running) {
        SynthesisStatus described = status.getSynthesis();
        if (described == null || !running.hash().equals(described.getCodeHash())) {
            status.setSynthesis(running.synthesisStatus());
        }
    }

    /** The {@code DryRun} condition of code that is (or stays) in place. */
    private void dryRunOf(AgentSource code) {
        conditions.set(
                DRY_RUN,
                code.dryRun().isPresent(),
                code.dryRun().isPresent() ? "DryRunPassed" : "NotRun",
                code.dryRun().orElse("this code was written before dry runs existed"));
    }

    /** The {@code RolledBack} condition: whether the running code was put back, or written after a rollback. */
    private void rollbackOf(Optional<AgentSource> running) {
        if (running.isPresent() && running.get().rolledBackFrom().isPresent()) {
            AgentSource code = running.get();
            conditions.set(
                    ROLLED_BACK,
                    true,
                    ROLLED_BACK,
                    "code " + code.rolledBackFrom().get().substring(0, 12) + " failed its first runs, so the last"
                            + " good code " + code.hash().substring(0, 12) + " runs again: " + code.runFailure());
        } else if (running.isPresent() && running.get().rewriteOf().isPresent()) {
            AgentSource code = running.get();
            conditions.set(
                    ROLLED_BACK,
                    false,
                    "Rewritten",
                    "code " + code.hash().substring(0, 12) + " was written after code "
                            + code.rewriteOf().get().substring(0, 12) + " failed its first runs: "
                            + code.runFailure());
        } else {
            conditions.set(
                    ROLLED_BACK,
                    false,
                    "NotRolledBack",
                    running.isPresent() ? "the running code is the code last written" : "no code written yet");
        }
    }

    private String configMapName() {
        return AgentPodTemplate.codeConfigMapName(agent);
    }
}
