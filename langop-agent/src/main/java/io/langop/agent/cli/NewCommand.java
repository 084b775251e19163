package io.langop.agent.cli;

import io.langop.agent.runtime.ExitStatus;
import io.langop.kit.scaffold.ProjectScaffold;
import io.langop.kit.scaffold.ProjectScaffold.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Scaffolds a Maven project: an agent that passes {@code langop validate}, or an MCP tool server with a test. */
@Command(
        name = "new",
        mixinStandardHelpOptions = true,
        description = "Create a new project: langop new agent NAME, or langop new tool NAME")
final class NewCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TYPE", description = "What to create: agent or tool")
    String type;

    @Parameters(index = "1", paramLabel = "NAME", description = "Project name (lower-case letters, digits, '-')")
    String name;

    @Option(names = "--directory", description = "Where to create the project (default: ./NAME)")
    Path directory;

    @Override
    public Integer call() throws IOException {
        Kind kind;
        Map<String, String> files;
        try {
            kind = Kind.parse(type);
            files = ProjectScaffold.files(kind, name, LangopCommand.version());
        } catch (IllegalArgumentException invalid) {
            spec.commandLine().getErr().println(invalid.getMessage());
            return ExitStatus.USAGE.code();
        }
        Path root = directory != null ? directory : Path.of(name);
        if (Files.exists(root) && !isEmptyDirectory(root)) {
            spec.commandLine().getErr().println("Directory " + root + " exists and is not empty: nothing was written.");
            return ExitStatus.USAGE.code();
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        spec.commandLine()
                .getOut()
                .printf("Created %s project %s in %s%n%s", kind.word(), name, root, nextSteps(kind, root));
        return ExitStatus.SUCCESS.code();
    }

    private static String nextSteps(Kind kind, Path root) {
        return switch (kind) {
            case AGENT -> """
                      validate: langop validate %1$s
                      run:      cd %2$s && mvn -q compile exec:java -Dexec.args="run src/main/java/Agent.java --model-endpoint http://localhost:8000"
                    """.formatted(root.resolve("src/main/java/Agent.java"), root);
            case TOOL -> """
                      test:  cd %1$s && mvn -q test
                      serve: cd %1$s && PORT=8080 mvn -q compile exec:java   (MCP at http://localhost:8080/mcp)
                    """.formatted(root);
        };
    }

    private static boolean isEmptyDirectory(Path root) throws IOException {
        try (var entries = Files.list(root)) {
            return entries.findAny().isEmpty();
        }
    }
}
