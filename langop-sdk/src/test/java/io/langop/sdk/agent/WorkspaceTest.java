package io.langop.sdk.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceTest {

    @TempDir
    Path root;

    @Test
    void readsWritesAppendsAndListsInsideTheWorkspace() {
        Workspace workspace = Workspace.use(root.resolve("ws"));

        workspace.write("state/seen.txt", "a\n");
        workspace.append("state/seen.txt", "b\n");
        workspace.write("state/other.txt", "x");

        assertThat(workspace.read("state/seen.txt")).isEqualTo("a\nb\n");
        assertThat(workspace.readIfExists("missing.txt")).isEmpty();
        assertThat(workspace.exists("state/other.txt")).isTrue();
        assertThat(workspace.list("state")).containsExactly("state/other.txt", "state/seen.txt");
        assertThat(Workspace.current()).isSameAs(workspace);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.txt", "/etc/passwd", "a/../../escape.txt"})
    void refusesPathsOutsideTheWorkspace(String path) throws Exception {
        Workspace workspace = Workspace.use(Files.createDirectories(root.resolve("ws")));

        assertThatThrownBy(() -> workspace.write(path, "x")).hasMessageContaining("leaves the workspace");
        assertThatThrownBy(() -> workspace.read(path)).hasMessageContaining("leaves the workspace");
    }

    @Test
    void refusesToFollowLinksOutOfTheWorkspace() throws Exception {
        Path outside = Files.createDirectories(root.resolve("outside"));
        Path ws = Files.createDirectories(root.resolve("ws"));
        Files.createSymbolicLink(ws.resolve("link"), outside);
        Workspace workspace = Workspace.use(ws);

        assertThatThrownBy(() -> workspace.write("link/stolen.txt", "x"))
                .hasMessageContaining("leaves the workspace through a link");
        assertThat(outside.resolve("stolen.txt")).doesNotExist();
    }
}
