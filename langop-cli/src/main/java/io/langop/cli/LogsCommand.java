package io.langop.cli;

import io.langop.agent.cli.LangopSubcommand;
import picocli.CommandLine.Command;

/** {@code langop logs}: the kinds it works on are its subcommands. */
@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        description = "Show logs: langop logs agent NAME [-f].",
        subcommands = AgentLogsCommand.class)
public final class LogsCommand extends CommandGroup implements LangopSubcommand {}
