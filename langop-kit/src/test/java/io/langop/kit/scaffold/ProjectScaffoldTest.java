package io.langop.kit.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.langop.kit.check.CheckResult;
import io.langop.kit.check.CodeChecker;
import io.langop.kit.scaffold.ProjectScaffold.Kind;
import io.langop.kit.tool.Tool;
import io.langop.kit.tool.ToolResult;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectScaffoldTest {

    @Test
    void scaffoldsABuildToolsATestAndAReadme() {
        Map<String, String> files = ProjectScaffold.files(Kind.TOOL, "weather-lookup", "1.2.3");

        assertThat(files)
                .containsOnlyKeys("pom.xml", "src/main/java/Tools.java", "src/test/java/ToolsTest.java", "README.md");
        assertThat(files.get("pom.xml"))
                .contains("<artifactId>weather-lookup</artifactId>", "<langop.version>1.2.3</langop.version>");
        assertThat(files.get("src/main/java/Tools.java"))
                .contains("Tool.builder(\"weather_lookup\")", "ToolServer.serve(\"weather-lookup\", all())");
        assertThat(files.values()).noneMatch(text -> text.contains("{{"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theScaffoldedToolsAndTestCompileAgainstThisSdkAndWork(@TempDir Path dir) throws Exception {
        Map<String, String> files = ProjectScaffold.files(Kind.TOOL, "echo-box", "0.0.0");
        Path source = Files.writeString(dir.resolve("Tools.java"), files.get("src/main/java/Tools.java"));
        Path test = Files.writeString(dir.resolve("ToolsTest.java"), files.get("src/test/java/ToolsTest.java"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(
                        diagnostics,
                        null,
                        null,
                        List.of("-d", dir.toString(), "-classpath", System.getProperty("java.class.path")),
                        null,
                        javac.getStandardFileManager(null, null, null).getJavaFileObjects(source, test))
                .call();
        assertThat(compiled).as(diagnostics.toString()).isTrue();

        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            List<Tool> tools =
                    (List<Tool>) loader.loadClass("Tools").getMethod("all").invoke(null);
            Tool tool = tools.getFirst();
            Tool.Binding binding = tool.bind(Map.of("text", "hi", "repeat", 2, "style", "shout"));

            assertThat(tool.name()).isEqualTo("echo_box");
            assertThat(tool.handler().handle(((Tool.Binding.Bound) binding).arguments()))
                    .isEqualTo(ToolResult.success("HI HI"));
        }
    }

    @Test
    void scaffoldsAnAgentProjectWhoseAgentPassesTheCodeChecker() {
        Map<String, String> files = ProjectScaffold.files(Kind.AGENT, "weekly-report", "1.2.3");

        assertThat(files).containsOnlyKeys("pom.xml", "src/main/java/Agent.java", "README.md");
        assertThat(files.get("pom.xml"))
                .contains("<artifactId>weekly-report</artifactId>", "<langop.version>1.2.3</langop.version>");
        assertThat(files.values()).noneMatch(text -> text.contains("{{"));
        CheckResult check = CodeChecker.forRuntimeClasspath().check(files.get("src/main/java/Agent.java"));
        assertThat(check.passed()).as(check.report("Agent.java")).isTrue();
    }

    @Test
    void kindsAreNamedAsTheCommandLineSpellsThem() {
        assertThat(Kind.parse("agent")).isEqualTo(Kind.AGENT);
        assertThat(Kind.parse("tool")).isEqualTo(Kind.TOOL);
        assertThatThrownBy(() -> Kind.parse("model"))
                .hasMessage("Unknown type 'model': 'agent' or 'tool' can be created.");
    }

    @Test
    void refusesNamesThatMakeNoProject() {
        assertThatThrownBy(() -> ProjectScaffold.files(Kind.AGENT, "Bad Name", "1"))
                .hasMessage("Invalid name 'Bad Name': use lower-case letters, digits and '-', starting with a letter.");
    }
}
