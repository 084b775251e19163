package io.langop.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.agent.cli.LangopCommand;
import io.langop.local.llm.LlmDiscovery;
import io.langop.operator.synthesis.SynthesisSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code langop local} as the {@code langop} CLI finds it, and what it does with bad input. */
class LocalCommandTest {

    @Test
    void theLangopCliFindsLocalOnTheClassPath() {
        CommandLine langop = LangopCommand.commandLine(Map.of());

        assertThat(langop.getSubcommands()).containsKeys("run", "validate", "local");
        StringWriter help = new StringWriter();
        langop.getSubcommands().get("local").usage(new PrintWriter(help));
        assertThat(help.toString())
                .contains("[DIR]")
                .contains("--synthesis-endpoint")
                .contains("no kubelet");
    }

    @Test
    void theSynthesisOptionsNameTheModelAndKeepTheOtherDefaults() {
        LocalCommand local = new LocalCommand();
        new CommandLine(local)
                .parseArgs("--synthesis-endpoint", "http://localhost:11434/v1", "--synthesis-model", "qwen");

        SynthesisSettings settings =
                local.settings(new LlmDiscovery.NotFound("none")).synthesis();
        assertThat(settings.endpoint()).contains("http://localhost:11434/v1");
        assertThat(settings.model()).contains("qwen");
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.repairRounds())
                .isEqualTo(SynthesisSettings.disabled().repairRounds());
    }

    @Test
    void aDirectoryWithoutManifestsIsRefusedBeforeAnythingStarts(@TempDir Path empty) throws Exception {
        Files.writeString(empty.resolve("notes.yaml"), "just: [a, list\n");

        int missing = LangopCommand.commandLine(Map.of())
                .execute("local", empty.resolve("nowhere").toString());
        int broken = LangopCommand.commandLine(Map.of()).execute("local", empty.toString());

        assertThat(missing).isEqualTo(LocalCommand.EXIT_BAD_INPUT);
        assertThat(broken).isEqualTo(LocalCommand.EXIT_BAD_INPUT);
        assertThat(ProcessHandle.current().descendants()).isEmpty();
    }

    @Test
    void manifestsAreOrderedSoEveryReferenceExistsFirst() {
        var kinds =
                Manifests.read(Path.of(System.getProperty("langop.examples.dir", "../examples"), "simple-agent"))
                        .stream()
                        .map(object -> object.getKind())
                        .distinct()
                        .toList();

        assertThat(kinds)
                .containsExactly(
                        "LanguageCluster", "LanguageModel", "LanguageTool", "LanguagePersona", "LanguageAgent");
    }
}
