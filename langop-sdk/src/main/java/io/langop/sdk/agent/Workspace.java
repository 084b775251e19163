package io.langop.sdk.agent;

import io.langop.wire.AgentFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The only file access agent code has: text files under the agent's workspace volume, addressed by
 * relative paths. Paths that leave the workspace (absolute, {@code ..}, or through a symbolic link) are
 * refused. Agent code gets it with {@link #current()}; the runtime points it at {@code WORKSPACE_PATH}.
 *
 * <pre>{@code
 * Workspace workspace = Workspace.current();
 * Set<String> seen = new HashSet<>(workspace.readIfExists("seen.txt").orElse("").lines().toList());
 * workspace.append("seen.txt", id + "\n");
 * }</pre>
 */
public final class Workspace {

    private static volatile Workspace current = new Workspace(Path.of(AgentFiles.WORKSPACE_DIR));

    private final Path root;

    private Workspace(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public static Workspace current() {
        return current;
    }

    /** Set by the runtime before the agent's code runs. */
    public static Workspace use(Path root) {
        current = new Workspace(root);
        return current;
    }

    public Optional<String> readIfExists(String path) {
        Path file = resolve(path);
        return Files.isRegularFile(file) ? Optional.of(read(path)) : Optional.empty();
    }

    public String read(String path) {
        try {
            return Files.readString(resolve(path));
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read workspace file '" + path + "'", failure);
        }
    }

    public void write(String path, String text) {
        save(path, text, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    public void append(String path, String text) {
        save(path, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    public boolean exists(String path) {
        return Files.exists(resolve(path));
    }

    /** Relative paths of the regular files directly inside {@code directory} ("" for the root), sorted. */
    public List<String> list(String directory) {
        Path dir = directory.isEmpty() ? root : resolve(directory);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString())
                    .sorted()
                    .toList();
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot list workspace directory '" + directory + "'", failure);
        }
    }

    private void save(String path, String text, StandardOpenOption... options) {
        Path file = resolve(path);
        try {
            Files.createDirectories(file.getParent());
            resolve(root.relativize(file.getParent()).toString()); // the directories just created must still be inside
            Files.writeString(file, text, options);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot write workspace file '" + path + "'", failure);
        }
    }

    /** The file for {@code path}, refusing anything that ends up outside the workspace, also via symlinks. */
    private Path resolve(String path) {
        Path relative = Path.of(path);
        Path file = root.resolve(relative).normalize();
        if (relative.isAbsolute() || !file.startsWith(root)) {
            throw new IllegalArgumentException("workspace path '" + path + "' leaves the workspace");
        }
        if (!Files.exists(root)) {
            return file; // nothing exists yet, so nothing can link out; writing creates the directories
        }
        try {
            Path realRoot = root.toRealPath();
            for (Path existing = file; existing != null && existing.startsWith(root); existing = existing.getParent()) {
                if (Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                    if (!existing.toRealPath().startsWith(realRoot)) {
                        throw new IllegalArgumentException(
                                "workspace path '" + path + "' leaves the workspace through a link");
                    }
                    break;
                }
            }
        } catch (IOException unavailable) {
            throw new UncheckedIOException("workspace " + root + " is not available", unavailable);
        }
        return file;
    }
}
