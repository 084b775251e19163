package io.langop.cli;

import io.langop.agent.cli.LangopSubcommand;
import picocli.CommandLine.Command;

/** {@code langop chat}: the kinds it works on are its subcommands. */
@Command(
        name = "chat",
        mixinStandardHelpOptions = true,
        description = "Chat with an interactive agent: langop chat agent NAME.",
        subcommands = AgentChatCommand.class)
public final class ChatCommand extends CommandGroup implements LangopSubcommand {}
