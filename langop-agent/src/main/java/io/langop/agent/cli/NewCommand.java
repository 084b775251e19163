package io.langop.agent.cli;

import io.langop.agent.runtime.ExitStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Scaffolds a Maven project with an agent that passes {@code langop validate} and runs with {@code mvn exec:java}. */
@Command(name = "new", description = "Create a new agent project: langop new agent NAME")
final class NewCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TYPE", description = "What to create (agent)")
    String type;

    @Parameters(index = "1", paramLabel = "NAME", description = "Agent name (lower-case letters, digits, '-')")
    String name;

    @Option(names = "--directory", description = "Where to create the project (default: ./NAME)")
    Path directory;

    @Override
    public Integer call() throws IOException {
        if (!type.equals("agent")) {
            spec.commandLine().getErr().println("Unknown type '" + type + "': only 'agent' can be created.");
            return ExitStatus.USAGE.code();
        }
        if (!name.matches("[a-z][a-z0-9-]{0,62}")) {
            spec.commandLine().getErr().println("Invalid name '" + name + "': use lower-case letters, digits and '-', starting with a letter.");
            return ExitStatus.USAGE.code();
        }
        Path root = directory != null ? directory : Path.of(name);
        if (Files.exists(root) && Files.list(root).findAny().isPresent()) {
            spec.commandLine().getErr().println("Directory " + root + " exists and is not empty: nothing was written.");
            return ExitStatus.USAGE.code();
        }
        Path source = root.resolve("src/main/java/Agent.java");
        Files.createDirectories(source.getParent());
        Files.writeString(root.resolve("pom.xml"), pom());
        Files.writeString(source, agentSource());
        Files.writeString(root.resolve("README.md"), readme());
        spec.commandLine().getOut().printf("Created agent project %s in %s%n  validate: langop validate %s%n  run:      cd %s && mvn -q compile exec:java -Dexec.args=\"run src/main/java/Agent.java --model-endpoint http://localhost:8000\"%n",
                name, root, source, root);
        return ExitStatus.SUCCESS.code();
    }

    private String pom() {
        String version = LangopCommand.version();
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>agents</groupId>
                  <artifactId>%1$s</artifactId>
                  <version>0.1.0</version>

                  <properties>
                    <maven.compiler.release>25</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <langop.version>%2$s</langop.version>
                  </properties>

                  <dependencies>
                    <dependency>
                      <groupId>io.langop</groupId>
                      <artifactId>langop-sdk</artifactId>
                      <version>${langop.version}</version>
                    </dependency>
                    <!-- The runtime that checks and runs Agent.java, as the cluster does. -->
                    <dependency>
                      <groupId>io.langop</groupId>
                      <artifactId>langop-agent</artifactId>
                      <version>${langop.version}</version>
                      <scope>runtime</scope>
                    </dependency>
                  </dependencies>

                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.codehaus.mojo</groupId>
                        <artifactId>exec-maven-plugin</artifactId>
                        <version>3.6.2</version>
                        <configuration>
                          <mainClass>io.langop.agent.cli.Main</mainClass>
                          <arguments>
                            <argument>run</argument>
                            <argument>src/main/java/Agent.java</argument>
                          </arguments>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(name, version);
    }

    private String agentSource() {
        return """
                import io.langop.sdk.agent.AgentDefinition;
                import io.langop.sdk.agent.LangopAgent;
                import io.langop.sdk.agent.Output;
                import java.time.Duration;

                /** The %1$s agent. Check it with `langop validate src/main/java/Agent.java`. */
                public class Agent implements LangopAgent {

                    @Override
                    public AgentDefinition define() {
                        return AgentDefinition.builder("%1$s")
                                .description("Describe what %1$s does")
                                .persona("You are a helpful, concise assistant.")
                                .objective("Say hello and list the tools you can use")
                                .constraints(c -> c.maxIterations(10).timeout(Duration.ofMinutes(2)))
                                .output(Output.workspace("%1$s/{date}.txt"))
                                .build();
                    }
                }
                """.formatted(name);
    }

    private String readme() {
        return """
                # %1$s

                A langop agent. `src/main/java/Agent.java` defines it with the langop SDK.

                - Validate: `langop validate src/main/java/Agent.java`
                - Run locally against an OpenAI-compatible endpoint and MCP servers:
                  `mvn -q compile exec:java -Dexec.args="run src/main/java/Agent.java --model-endpoint http://localhost:8000 --mcp-server http://localhost:8080/mcp --mode scheduled"`
                """.formatted(name);
    }
}
