package io.langop.agent.cli;

import io.langop.agent.runtime.AgentLoader;
import io.langop.agent.runtime.ExitStatus;
import io.langop.agent.runtime.InvalidAgentException;
import io.langop.agent.runtime.RuntimeChecker;
import io.langop.kit.check.CheckResult;
import io.langop.sdk.agent.AgentDefinition;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Runs the checker (compile + allow-list), then the definition's own validation: {@code define()} is the
 * only agent code that runs, and only once every check has passed.
 */
@Command(
        name = "validate",
        description = "Check agent sources: compile, refuse forbidden APIs, validate the definition.")
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Agent.java files")
    List<Path> files;

    @Override
    public Integer call() {
        AgentLoader loader = new AgentLoader(RuntimeChecker.get());
        boolean allValid = true;
        for (Path file : files) {
            try {
                // every check first: validating must not run code (not even a static initializer) that a check refuses
                CheckResult checked = loader.check(file);
                AgentDefinition agent = loader.define(checked);
                spec.commandLine()
                        .getOut()
                        .printf(
                                "%s: OK, agent '%s' (%s mode, %d objective(s), %d workflow step(s))%n",
                                file,
                                agent.name(),
                                agent.mode().wireName(),
                                agent.objectives().size(),
                                agent.workflow().steps().size());
            } catch (InvalidAgentException invalid) {
                allValid = false;
                spec.commandLine().getErr().println(file + ": " + invalid.getMessage());
            }
        }
        return (allValid ? ExitStatus.SUCCESS : ExitStatus.INVALID_AGENT).code();
    }
}
