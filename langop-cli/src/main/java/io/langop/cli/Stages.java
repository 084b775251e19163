package io.langop.cli;

import io.langop.api.v1alpha1.agent.AgentConditions;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The stage of an agent's way to running that a condition or an event of the operator tells of, as a word or two
 * for the progress lines of {@code langop create agent}: {@code writing}, {@code checking}, {@code rolled out}... A
 * reason not known here still gets a stage: its own words ({@code DryRunPassed} is {@code dry run passed}), so the
 * stages the operator adds show without a new release of the command.
 */
final class Stages {

    /** Words in reasons, in the order they are looked for, and the stage they name. */
    private static final List<Map.Entry<String, String>> REASON_WORDS = List.of(
            Map.entry("Catalog", "catalog"),
            Map.entry("Repair", "repair"),
            Map.entry("DryRun", "dry run"),
            Map.entry("Rollback", "rollback"),
            Map.entry("RolledBack", "rollback"),
            Map.entry("SynthesisStarted", "writing"),
            Map.entry("Synthesizing", "writing"),
            Map.entry("SynthesisSucceeded", "written"),
            Map.entry("Synthesis", "synthesis"),
            Map.entry("Validat", "checking"),
            Map.entry("CodeUpdated", "rolled out"),
            Map.entry("Workload", "workload"));

    private Stages() {}

    /** The stage a condition tells of. */
    static String ofCondition(String type, String status, String reason) {
        boolean isTrue = "True".equals(status);
        return switch (type) {
            case AgentConditions.SYNTHESIZED -> isTrue ? "written" : ofReason(reason == null ? type : reason);
            case AgentConditions.VALIDATED -> "checking";
            case AgentConditions.CODE_UPDATED -> isTrue ? "rolled out" : "code";
            case AgentConditions.READY -> isTrue ? "ready" : "not ready";
            case AgentConditions.REFERENCES_RESOLVED -> "references";
            default -> words(type);
        };
    }

    /** The stage an event's reason tells of. */
    static String ofReason(String reason) {
        for (Map.Entry<String, String> word : REASON_WORDS) {
            if (reason.contains(word.getKey())) {
                return word.getValue();
            }
        }
        return words(reason);
    }

    /** {@code DryRunPassed} as {@code dry run passed}. */
    static String words(String camelCase) {
        return camelCase.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
    }
}
