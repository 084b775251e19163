package io.langop.cli;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.langop.api.v1alpha1.agent.CodeReference;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.wire.AgentFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code langop code agent NAME [--edit]}: the Java code the agent runs. Editing synthesized code makes it the
 * agent's own: saved to a ConfigMap of its own and named in {@code spec.codeRef}, which replaces the instructions
 * (the two exclude each other), so no synthesis overwrites it; the operator checks it as any brought code.
 */
@Command(
        name = "agent",
        mixinStandardHelpOptions = true,
        description = {
            "Print the Java code an agent runs: synthesized from its instructions, or its spec.codeRef.",
            "--edit opens it in an editor; saved changes become the agent's own code: a ConfigMap NAME-own-code "
                    + "that spec.codeRef names instead of the instructions (kept in the annotation "
                    + "langop.io/instructions). The operator checks it and rolls it out."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:printed, or the edit saved (or nothing changed)",
            "1:the editor failed",
            "2:invalid command line",
            "3:no such agent, or it has no code yet",
            "4:the API server cannot be reached or refused"
        })
final class AgentCodeCommand extends ClusterCommand {

    /** Where the instructions of an agent whose code was edited are kept, for whoever reads it later. */
    static final String INSTRUCTIONS_ANNOTATION = "langop.io/instructions";

    @Parameters(index = "0", paramLabel = "NAME", description = "The agent.")
    String name;

    @Option(names = "--edit", description = "Edit the code; saving it makes it the agent's own (spec.codeRef).")
    boolean edit;

    @Option(
            names = "--editor",
            paramLabel = "COMMAND",
            description = "Editor to run with the file (default: $VISUAL, else $EDITOR, else vi).")
    String editor;

    @Override
    CliExit run(KubernetesClient client, String namespace) throws InterruptedException {
        AgentObjects objects = new AgentObjects(client, namespace, name);
        LanguageAgent agent = objects.agent();
        CodeReference brought = agent.getSpec().getCodeRef();
        String configMap = brought != null ? brought.getName() : objects.codeConfigMapName();
        String key = brought != null
                ? Objects.requireNonNullElse(brought.getKey(), AgentFiles.CODE_FILE)
                : AgentFiles.CODE_FILE;
        ConfigMap code =
                client.configMaps().inNamespace(namespace).withName(configMap).get();
        String source =
                code == null || code.getData() == null ? null : code.getData().get(key);
        if (source == null) {
            throw new CliFailure(
                    CliExit.NOT_FOUND,
                    "agent " + name + " has no code yet (ConfigMap " + configMap + ", key " + key + "); langop describe"
                            + " agent " + name + " -n " + namespace + " says why");
        }
        if (!edit) {
            out().print(source.endsWith("\n") ? source : source + "\n");
            out().flush();
            return CliExit.SUCCESS;
        }
        Optional<String> edited = editInEditor(source);
        if (edited.isEmpty()) {
            out().println("no change: the agent keeps its code");
            out().flush();
            return CliExit.SUCCESS;
        }
        if (brought != null) {
            client.configMaps().inNamespace(namespace).withName(configMap).edit(existing -> {
                existing.getData().put(key, edited.get());
                return existing;
            });
            out().printf(
                            "saved to ConfigMap %s/%s (spec.codeRef); the operator checks it and rolls it out%n",
                            namespace, configMap);
        } else {
            String own = objects.ownCodeConfigMapName();
            client.resource(new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName(own)
                            .withNamespace(namespace)
                            .endMetadata()
                            .withData(Map.of(AgentFiles.CODE_FILE, edited.get()))
                            .build())
                    .createOr(NonDeletingOperation::update);
            client.resources(LanguageAgent.class)
                    .inNamespace(namespace)
                    .withName(name)
                    .edit(current -> {
                        if (current.getMetadata().getAnnotations() == null) {
                            current.getMetadata().setAnnotations(new HashMap<>());
                        }
                        current.getMetadata()
                                .getAnnotations()
                                .put(INSTRUCTIONS_ANNOTATION, current.getSpec().getInstructions());
                        current.getSpec().setInstructions(null);
                        CodeReference reference = new CodeReference();
                        reference.setName(own);
                        reference.setKey(AgentFiles.CODE_FILE);
                        current.getSpec().setCodeRef(reference);
                        return current;
                    });
            out().printf(
                            "saved to ConfigMap %s/%s; agent %s now runs it (spec.codeRef, instructions kept in annotation %s); "
                                    + "the operator checks it and rolls it out%n",
                            namespace, own, name, INSTRUCTIONS_ANNOTATION);
        }
        out().flush();
        return CliExit.SUCCESS;
    }

    /** The code after the editor ran on it, or empty when it did not change. */
    private Optional<String> editInEditor(String source) throws InterruptedException {
        try {
            Path directory = Files.createTempDirectory("langop-code-");
            Path file = directory.resolve(AgentFiles.CODE_FILE);
            Files.writeString(file, source, StandardCharsets.UTF_8);
            List<String> command =
                    new ArrayList<>(Arrays.asList(editorCommand().trim().split("\\s+")));
            command.add(file.toString());
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new CliFailure(
                        CliExit.FAILED,
                        "the editor (" + String.join(" ", command) + ") exited with " + exit + ": nothing saved");
            }
            String edited = Files.readString(file, StandardCharsets.UTF_8);
            Files.delete(file);
            Files.delete(directory);
            return edited.equals(source) ? Optional.empty() : Optional.of(edited);
        } catch (IOException cannotEdit) {
            throw new CliFailure(
                    CliExit.FAILED, "cannot run the editor " + editorCommand() + ": " + cannotEdit.getMessage());
        }
    }

    private String editorCommand() {
        if (editor != null) {
            return editor;
        }
        return Optional.ofNullable(System.getenv("VISUAL"))
                .or(() -> Optional.ofNullable(System.getenv("EDITOR")))
                .filter(value -> !value.isBlank())
                .orElse("vi");
    }
}
