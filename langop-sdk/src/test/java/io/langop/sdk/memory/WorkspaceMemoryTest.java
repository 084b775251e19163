package io.langop.sdk.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.sdk.memory.spi.MemoryBackend;
import io.langop.sdk.memory.workspace.WorkspaceBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default backend held to the contract; a workspace per agent is its scope. */
class WorkspaceMemoryTest extends MemoryContract {

    @TempDir
    Path root;

    @Override
    protected MemoryBackend open(String scope) {
        return new WorkspaceBackend(root.resolve(scope));
    }

    @Test
    void keepsMemoryInADotFolderOfTheWorkspaceWithOneFileNamePerKey() throws Exception {
        Path workspace = root.resolve("ws");
        Memory memory = new Memory(new WorkspaceBackend(workspace), MemoryLimits.DEFAULT, TEST_RETRIES);
        memory.state().put("seen/a", "1");
        memory.state().put("k".repeat(150) + "/" + "@".repeat(49), "long");

        try (var files = Files.list(workspace.resolve(".langop/memory/state"))) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .hasSize(2)
                    .contains("seen%2Fa")
                    .allSatisfy(name -> assertThat(name.length()).isLessThanOrEqualTo(200));
        }
        assertThat(memory.state().keys("k")).containsExactly("k".repeat(150) + "/" + "@".repeat(49));
    }
}
