package io.langop.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CompletionCommandTest {

    @Test
    void printsABashCompletionScriptOfEveryCommand() {
        StringWriter out = new StringWriter();
        CommandLine langop = LangopCommand.commandLine(Map.of());
        langop.setOut(new PrintWriter(out, true));

        int exit = langop.execute("completion");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("complete -F _complete_langop")
                .contains("function _picocli_langop_validate()")
                .contains("function _picocli_langop_new()");
    }

    @Test
    void everyCommandAndSubcommandAnswersHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(LangopCommand.commandLine(Map.of()), new ArrayList<>(), paths);
        assertThat(paths)
                .as("the walk reaches nested commands")
                .contains(List.of("approval", "approve"), List.of("validate"));

        for (List<String> path : paths) {
            StringWriter out = new StringWriter();
            CommandLine langop = LangopCommand.commandLine(Map.of());
            langop.setOut(new PrintWriter(out, true));
            List<String> args = new ArrayList<>(path);
            args.add("--help");

            assertThat(langop.execute(args.toArray(String[]::new)))
                    .as("%s", path)
                    .isZero();
            assertThat(out.toString()).as("%s", path).startsWith("Usage: langop " + String.join(" ", path));
        }
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        for (var sub : command.getSubcommands().entrySet()) {
            if (!sub.getValue().getCommandSpec().name().equals(sub.getKey())) {
                continue; // an alias
            }
            List<String> subPath = new ArrayList<>(path);
            subPath.add(sub.getKey());
            paths.add(subPath);
            collect(sub.getValue(), subPath, paths);
        }
    }
}
