package io.langop.operator.agent;

import io.langop.api.v1alpha1.agent.AgentPhase;
import java.time.Duration;
import java.util.Optional;

/**
 * What a reconcile decided about an agent's code: the synthesized code to run (empty for brought code,
 * which its own ConfigMap holds, or when there is none yet), the hash that rolls the pods, when to look
 * again without an event (an LLM backoff, a rate limit), and why the agent cannot run at all, if it cannot
 * (its brought code is missing or refused).
 */
record CodeDecision(
        Optional<AgentSource> code, String codeHash, Optional<Duration> recheckAfter, Optional<CannotRun> cannotRun) {

    /** Why no pod of the agent can run its code: the reason and message of its Ready condition. */
    record CannotRun(AgentPhase phase, String reason, String message) {}

    static CodeDecision keep(Optional<AgentSource> code) {
        return new CodeDecision(code, code.map(AgentSource::hash).orElse(null), Optional.empty(), Optional.empty());
    }

    /** Brought code: the pods mount the user's ConfigMap, and roll when its content's hash changes. */
    static CodeDecision brought(String hash) {
        return new CodeDecision(Optional.empty(), hash, Optional.empty(), Optional.empty());
    }

    /** No pod can run: {@code hash} is that of the refused code, null when there is no code. */
    static CodeDecision cannotRun(String hash, CannotRun why) {
        return new CodeDecision(Optional.empty(), hash, Optional.empty(), Optional.of(why));
    }

    CodeDecision recheckAfter(Duration wait) {
        return new CodeDecision(code, codeHash, Optional.of(wait), cannotRun);
    }
}
