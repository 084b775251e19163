package io.langop.sdk.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.langop.sdk.memory.spi.MemoryBackends;
import io.langop.sdk.memory.spi.MemorySettings;
import io.langop.sdk.memory.workspace.WorkspaceBackend;
import io.langop.sdk.retry.Backoff;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryBackendsTest {

    @TempDir
    Path workspace;

    @Test
    void theWorkspaceIsTheDefaultAndTheApisEphemeralTypeNamesIt() {
        assertThat(MemoryBackends.open(new MemorySettings("workspace", "", "ns/a", workspace)))
                .isInstanceOf(WorkspaceBackend.class);
        assertThat(MemoryBackends.open(new MemorySettings("ephemeral", "", "ns/a", workspace)))
                .isInstanceOf(WorkspaceBackend.class);
    }

    @Test
    void aStoreThisRuntimeDoesNotHaveIsRefusedWithTheOnesItHas() {
        assertThatThrownBy(() -> MemoryBackends.open(new MemorySettings("mongo", "", "ns/a", workspace)))
                .hasMessage("memory store 'mongo' is not available; this runtime has: workspace");
    }

    @Test
    void aStoreThatCannotBeOpenedFailsEachOperationWithTheReasonInsteadOfTheAgent() {
        Memory memory = new Memory(
                MemoryBackends.openOrExplain(new MemorySettings("mongo", "", "ns/a", workspace)),
                MemoryLimits.DEFAULT,
                Backoff.MEMORY);

        assertThatThrownBy(() -> memory.state().put("k", "v"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the memory store mongo is not usable: memory store 'mongo' is not available; this runtime"
                        + " has: workspace (check the LanguageAgent's spec.memoryStore and its Secret)");
    }
}
