package io.langop.cli;

import io.langop.agent.cli.LangopSubcommand;
import picocli.CommandLine.Command;

/** {@code langop describe}: the kinds it works on are its subcommands. */
@Command(
        name = "describe",
        mixinStandardHelpOptions = true,
        description = "Describe a resource: langop describe agent NAME.",
        subcommands = DescribeAgentCommand.class)
public final class DescribeCommand extends CommandGroup implements LangopSubcommand {}
