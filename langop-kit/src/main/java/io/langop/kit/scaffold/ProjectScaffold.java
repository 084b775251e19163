package io.langop.kit.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of a new project ({@code langop new agent|tool NAME}): a Maven build on the SDK, the
 * source to start from, and a README; a tool project also gets a test. The templates live next to
 * this class as resources, one folder per kind.
 */
public final class ProjectScaffold {

    /** What a project builds. */
    public enum Kind {
        /** An agent: {@code Agent.java}, checked and run by the langop runtime. */
        AGENT(Map.of(
                "pom.xml", "pom.xml.template",
                "src/main/java/Agent.java", "Agent.java.template",
                "README.md", "README.md.template")),
        /** An MCP tool server: a {@code Tools} class with one example tool, a main that serves it, and a test. */
        TOOL(Map.of(
                "pom.xml", "pom.xml.template",
                "src/main/java/Tools.java", "Tools.java.template",
                "src/test/java/ToolsTest.java", "ToolsTest.java.template",
                "README.md", "README.md.template"));

        @SuppressWarnings("ImmutableEnumChecker") // only ever Map.of(...), which is unmodifiable
        private final Map<String, String> templates;

        Kind(Map<String, String> templates) {
            this.templates = templates;
        }

        /** {@code agent} or {@code tool}, as the command line spells it. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind a command-line word names. */
        public static Kind parse(String word) {
            for (Kind kind : values()) {
                if (kind.word().equals(word)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("Unknown type '" + word + "': 'agent' or 'tool' can be created.");
        }
    }

    private ProjectScaffold() {}

    /**
     * The project's files, keyed by path relative to the project directory.
     *
     * @param name project name: lower-case letters, digits and '-'; a tool project's example tool is
     *     named after it with '_' for '-'
     * @param sdkVersion the langop-sdk version the project builds on
     */
    public static Map<String, String> files(Kind kind, String name, String sdkVersion) {
        if (name == null || !name.matches("[a-z][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException(
                    "Invalid name '" + name + "': use lower-case letters, digits and '-', starting with a letter.");
        }
        Map<String, String> files = new TreeMap<>();
        kind.templates.forEach((path, resource) -> files.put(
                path,
                template(kind.word() + "/" + resource)
                        .replace("{{name}}", name)
                        .replace("{{toolName}}", name.replace('-', '_'))
                        .replace("{{sdkVersion}}", sdkVersion)));
        return files;
    }

    private static String template(String resource) {
        try (InputStream in = ProjectScaffold.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("scaffold template " + resource + " is missing from the SDK jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
