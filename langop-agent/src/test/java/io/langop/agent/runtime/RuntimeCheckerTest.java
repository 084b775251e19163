package io.langop.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.kit.check.CheckResult;
import io.langop.kit.check.Diagnostic;
import org.junit.jupiter.api.Test;

class RuntimeCheckerTest {

    @Test
    void theWarmUpAgentPassesTheCheckSoTheWarmUpRunsTheWholeCompiler() {
        CheckResult result = RuntimeChecker.get().check(RuntimeChecker.warmUpAgent());

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.agentClassName()).contains("Agent");
    }

    @Test
    void aWarmedUpCheckerStillRefusesHostileCode() {
        RuntimeChecker.get().check(RuntimeChecker.warmUpAgent());

        CheckResult result = RuntimeChecker.get().check("""
                import io.langop.sdk.agent.*;
                public class Agent implements LangopAgent {
                    public AgentDefinition define() { Runtime.getRuntime().halt(0); return null; }
                }
                """);

        assertThat(result.passed()).isFalse();
        assertThat(result.diagnostics())
                .extracting(Diagnostic::message)
                .anySatisfy(message -> assertThat(message).contains("java.lang.Runtime is not allowed in agent code"));
    }
}
