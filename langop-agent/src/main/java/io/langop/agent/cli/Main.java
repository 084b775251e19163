package io.langop.agent.cli;

import io.langop.agent.runtime.RuntimeChecker;

/** The {@code langop} executable and the agent container's entry point ({@code langop run}). */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("run") || args[0].equals("validate"))) {
            // both start by compiling agent code: warm the compiler up while picocli parses the rest
            RuntimeChecker.warmUpInBackground();
        }
        System.exit(LangopCommand.commandLine(System.getenv()).execute(args));
    }
}
