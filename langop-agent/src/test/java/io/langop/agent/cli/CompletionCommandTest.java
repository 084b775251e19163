package io.langop.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
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
    void everyCommandAnswersHelp() {
        for (String command : new String[] {"run", "validate", "new", "version", "completion"}) {
            StringWriter out = new StringWriter();
            CommandLine langop = LangopCommand.commandLine(Map.of());
            langop.setOut(new PrintWriter(out, true));

            assertThat(langop.execute(command, "--help")).as(command).isZero();
            assertThat(out.toString()).as(command).startsWith("Usage: langop " + command);
        }
    }
}
