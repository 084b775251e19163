package io.langop.agent.runtime;

import io.langop.sdk.agent.AgentRunner;
import io.langop.sdk.agent.RunOutcome;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Autonomous mode: run cycle after cycle, pausing in between, until a run reports its objectives
 * complete or a constraint stops it, or the cycle limit is reached. A failed run (model or tools
 * briefly unavailable) does not end the loop: the next cycle tries again. A stuck run ends it at once.
 */
final class AutonomousLoop {

    private static final Logger LOG = LoggerFactory.getLogger(AutonomousLoop.class);

    private final AgentRunner runner;
    private final Duration pause;
    private final int maxCycles;
    private final RunMetrics metrics;

    AutonomousLoop(AgentRunner runner, Duration pause, int maxCycles, RunMetrics metrics) {
        this.runner = runner;
        this.pause = pause;
        this.maxCycles = maxCycles;
        this.metrics = metrics;
    }

    ExitStatus run() throws InterruptedException {
        RunOutcome last = null;
        for (int cycle = 1; cycle <= maxCycles; cycle++) {
            last = runner.run();
            metrics.record(last);
            switch (last) {
                case RunOutcome.Succeeded succeeded
                when succeeded.objectivesComplete() -> {
                    LOG.info("Objectives complete after {} cycle(s)", cycle);
                    return ExitStatus.SUCCESS;
                }
                case RunOutcome.ConstraintViolated violated -> {
                    return ExitStatus.CONSTRAINT_VIOLATED;
                }
                case RunOutcome.Stuck stuck -> {
                    return ExitStatus.RUN_STUCK; // no further cycle: each would add another spinning thread
                }
                case RunOutcome.Succeeded succeeded -> LOG.info("Cycle {} done, objectives not complete yet", cycle);
                case RunOutcome.Failed failed ->
                    LOG.warn("Cycle {} failed, trying again next cycle: {}", cycle, failed.reason());
            }
            if (cycle < maxCycles) {
                Thread.sleep(pause);
            }
        }
        LOG.warn("Stopped after the maximum of {} cycles before the objectives were complete", maxCycles);
        return ExitStatus.of(last);
    }
}
