package io.langop.sdk.agent;

import io.langop.sdk.workflow.Placeholders;
import io.langop.sdk.workflow.StepResults;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Where a run's result goes: a path relative to the workspace, with {@code {date}} and {@code {time}}
 * filled at run time. The path cannot leave the workspace.
 */
public record Output(Optional<String> workspacePath) {

    public static final Output NONE = new Output(Optional.empty());

    public Output {
        workspacePath.ifPresent(Output::checkRelative);
    }

    public static Output workspace(String pathTemplate) {
        return new Output(Optional.of(pathTemplate));
    }

    /** The file to write for a run started at {@code now}, inside {@code workspace}. */
    public Optional<Path> resolve(Path workspace, ZonedDateTime now) {
        return workspacePath.map(template -> {
            Path root = workspace.toAbsolutePath().normalize();
            Path file = root.resolve(Placeholders.fill(template, StepResults.empty(), now))
                    .normalize();
            if (!file.startsWith(root) || file.equals(root)) {
                throw new IllegalArgumentException("output path '" + template + "' leaves the workspace");
            }
            return file;
        });
    }

    private static void checkRelative(String template) {
        for (Placeholders.Reference reference : Placeholders.references(template)) {
            if (!reference.field().isEmpty()
                    || !(reference.name().equals(Placeholders.DATE)
                            || reference.name().equals(Placeholders.TIME))) {
                throw new IllegalArgumentException(
                        "output path '" + template + "' may only use {date} and {time}, found " + reference);
            }
        }
        Path path = Path.of(template.replace("{", "").replace("}", ""));
        if (template.isBlank() || path.isAbsolute() || path.normalize().startsWith("..")) {
            throw new IllegalArgumentException("output path '" + template + "' must be relative to the workspace");
        }
    }
}
