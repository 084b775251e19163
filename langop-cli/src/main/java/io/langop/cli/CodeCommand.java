package io.langop.cli;

import io.langop.agent.cli.LangopSubcommand;
import picocli.CommandLine.Command;

/** {@code langop code}: the kinds it works on are its subcommands. */
@Command(
        name = "code",
        mixinStandardHelpOptions = true,
        description = "Show or edit the code an agent runs: langop code agent NAME [--edit].",
        subcommands = AgentCodeCommand.class)
public final class CodeCommand extends CommandGroup implements LangopSubcommand {}
