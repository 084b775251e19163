package io.langop.cli;

import picocli.CommandLine;

/** A command that only groups others ({@code langop describe agent}): alone, it says which to name. */
abstract class CommandGroup implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "Missing what to " + spec.name() + ": "
                        + String.join(" or ", spec.subcommands().keySet()));
    }
}
