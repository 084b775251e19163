package io.langop.agent.cli;

import io.langop.agent.runtime.AgentLoader;
import io.langop.agent.runtime.ExitStatus;
import io.langop.agent.runtime.InvalidAgentException;
import io.langop.agent.runtime.RuntimeChecker;
import io.langop.kit.catalog.CatalogJson;
import io.langop.kit.catalog.CatalogTool;
import io.langop.kit.catalog.ToolCatalog;
import io.langop.kit.check.AgentSetting;
import io.langop.kit.check.CheckResult;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ExecutionMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Checks agent sources without running them — compile, safety policy, and the semantic check against the
 * tools and resource given — and reports every problem of every file. Only a file without problems is then
 * defined to print what it is: {@code define()} is the only agent code that runs, and only once every check
 * has passed.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Check agent sources: compile, refuse forbidden APIs, and hold the definition against the"
                + " tools it will have (--catalog) and its resource (--mode, --schedule). Every problem is"
                + " reported, with its line and column. A LanguageAgent manifest (.yaml) gets the operator's check of"
                + " its eventTriggers.")
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "FILE",
            description = "Agent.java files, or LanguageAgent manifests (.yaml) whose eventTriggers are checked as the"
                    + " operator checks them (CEL conditions and mappings compiled)")
    List<Path> files;

    @Option(
            names = "--catalog",
            paramLabel = "JSON",
            description = "The tools the agent will have, as JSON: a list of tools, an MCP tools/list result, or"
                    + " LanguageTools with status.availableTools (kubectl get languagetools -o json). Repeatable;"
                    + " without it, tool names and parameters are not checked.")
    List<Path> catalogs = List.of();

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            description = "The LanguageAgent's spec.executionMode (autonomous, scheduled, interactive, event-driven).")
    String mode;

    @Option(names = "--schedule", paramLabel = "CRON", description = "The LanguageAgent's spec.schedule.")
    String schedule;

    @Override
    public Integer call() {
        AgentSetting setting;
        try {
            setting = setting();
        } catch (IllegalArgumentException unusable) {
            spec.commandLine().getErr().println("langop validate: " + unusable.getMessage());
            return ExitStatus.USAGE.code();
        }
        AgentLoader loader = new AgentLoader(RuntimeChecker.get());
        boolean allValid = true;
        for (Path file : files) {
            allValid &= validate(file, setting, loader);
        }
        return (allValid ? ExitStatus.SUCCESS : ExitStatus.INVALID_AGENT).code();
    }

    private boolean validate(Path file, AgentSetting setting, AgentLoader loader) {
        PrintWriter err = spec.commandLine().getErr();
        if (ManifestCheck.isManifest(file)) {
            return validateManifest(file, err);
        }
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException unreadable) {
            err.println(file + ": cannot be read: " + unreadable.getMessage());
            return false;
        }
        CheckResult result = RuntimeChecker.get().check(source, setting);
        if (!result.passed()) {
            result.diagnostics().forEach(problem -> err.println(problem.format(file.toString())));
            int count = result.diagnostics().size();
            err.println(file + ": " + count + (count == 1 ? " problem" : " problems"));
            return false;
        }
        try {
            AgentDefinition agent = loader.define(result);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "%s: OK, agent '%s' (%s mode, %d objective(s), %d workflow step(s))%n",
                            file,
                            agent.name(),
                            agent.mode().wireName(),
                            agent.objectives().size(),
                            agent.workflow().steps().size());
            return true;
        } catch (InvalidAgentException invalid) {
            err.println(file + ": " + invalid.getMessage());
            return false;
        }
    }

    /** A manifest: what the operator would refuse in its LanguageAgents' eventTriggers. */
    private boolean validateManifest(Path file, PrintWriter err) {
        List<ManifestCheck.Agent> agents;
        try {
            agents = ManifestCheck.check(file);
        } catch (IOException unreadable) {
            err.println(file + ": cannot be read as YAML: " + unreadable.getMessage());
            return false;
        }
        if (agents.isEmpty()) {
            err.println(file + ": no LanguageAgent in it");
            return false;
        }
        boolean valid = true;
        for (ManifestCheck.Agent agent : agents) {
            if (agent.problems().isEmpty()) {
                spec.commandLine()
                        .getOut()
                        .printf(
                                "%s: OK, LanguageAgent '%s' (%d event trigger(s))%n",
                                file, agent.name(), agent.triggers());
            } else {
                agent.problems()
                        .forEach(problem -> err.println(file + ": LanguageAgent '" + agent.name() + "': " + problem));
                valid = false;
            }
        }
        return valid;
    }

    private AgentSetting setting() {
        ToolCatalog tools = ToolCatalog.UNKNOWN;
        if (!catalogs.isEmpty()) {
            List<CatalogTool> listed = new ArrayList<>();
            catalogs.forEach(catalog -> listed.addAll(CatalogJson.read(catalog)));
            tools = ToolCatalog.of(listed);
        }
        // a schedule alone means what it means on a LanguageAgent: a scheduled agent
        Optional<ExecutionMode> runsAs = Optional.ofNullable(mode)
                .map(ExecutionMode::parse)
                .or(() -> Optional.ofNullable(schedule).map(cron -> ExecutionMode.SCHEDULED));
        return new AgentSetting(tools, runsAs, Optional.ofNullable(schedule));
    }
}
