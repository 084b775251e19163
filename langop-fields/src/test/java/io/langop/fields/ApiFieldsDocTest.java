package io.langop.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/api-fields.md is what the registry and the code say, so the docs cannot drift from them. */
class ApiFieldsDocTest {

    private static final Path DOC = Path.of(System.getProperty("langop.repo.dir"), "docs", "api-fields.md");

    @Test
    void theCheckedInDocIsWhatTheRegistryGenerates() throws IOException {
        String generated = ApiFieldsDoc.render();
        if (Boolean.getBoolean("langop.fields.write")) {
            Files.writeString(DOC, generated);
        }

        assertThat(Files.exists(DOC) ? Files.readString(DOC) : "")
                .as("docs/api-fields.md is stale; regenerate it with -Dlangop.fields.write=true (see its header)")
                .isEqualTo(generated);
    }
}
