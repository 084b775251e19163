package io.langop.agent.cli;


/** The {@code langop} executable and the agent container's entry point ({@code langop run}). */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(LangopCommand.commandLine(System.getenv()).execute(args));
    }
}
