package io.langop.agent.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code langop completion}: the bash (and zsh) completion script of every command the class path brings. */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Print the shell completion script of langop (bash, zsh).",
            "  source <(langop completion)                         # this shell",
            "  langop completion > /etc/bash_completion.d/langop   # every shell (or ~/.local/share/bash-completion/"
                    + "completions/langop)"
        })
final class CompletionCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        CommandLine root = spec.root().commandLine();
        spec.commandLine().getOut().print(AutoComplete.bash(root.getCommandName(), root));
        spec.commandLine().getOut().flush();
    }
}
