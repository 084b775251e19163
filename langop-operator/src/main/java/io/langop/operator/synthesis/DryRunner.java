package io.langop.operator.synthesis;

import io.langop.kit.check.AgentSetting;
import io.langop.kit.check.CheckResult;
import io.langop.kit.dryrun.DryRunReport;

/** Runs code that passed every check once on stand-ins, before it may replace the code an agent runs. */
@FunctionalInterface
public interface DryRunner {

    /**
     * Runs the checked code once; never throws for a failure of the code, which the report tells.
     *
     * @param checked a passed check of the code, holding its compiled classes
     */
    DryRunReport run(CheckResult checked, AgentSetting setting) throws InterruptedException;
}
