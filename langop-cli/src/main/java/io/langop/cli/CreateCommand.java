package io.langop.cli;

import io.langop.agent.cli.LangopSubcommand;
import picocli.CommandLine.Command;

/** {@code langop create}: the kinds it works on are its subcommands. */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = "Create a resource: langop create agent NAME \"instructions\".",
        subcommands = CreateAgentCommand.class)
public final class CreateCommand extends CommandGroup implements LangopSubcommand {}
