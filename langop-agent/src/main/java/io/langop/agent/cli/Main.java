package io.langop.agent.cli;

import io.langop.agent.runtime.RuntimeChecker;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The {@code langop} executable and the agent container's entry point ({@code langop run}). */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("run")) {
            // The container's entry point, configured by the environment alone: without the command-line
            // parser, whose old class files escape the AOT cache and cost ~0.3 s of CPU at start (bench/agent).
            System.exit(
                    AgentLaunch.run(System.getenv(), null, new PrintWriter(System.err, true, System.err.charset())));
        }
        if (args.length > 0 && (args[0].equals("run") || args[0].equals("validate"))) {
            // both start by compiling agent code: warm the compiler up while picocli parses the rest
            RuntimeChecker.warmUpInBackground();
        }
        CommandLine commandLine = LangopCommand.commandLine(System.getenv());
        // UTF-8 whatever the locale says: agents answer in any language (langop chat), code and logs hold any text
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(commandLine.execute(args));
    }
}
