package io.langop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ImageCatalogTest {

    @Test
    void imagesMapToTheirModuleWhateverTheRegistryAndTag() {
        assertThat(ImageCatalog.entrypoint("ghcr.io/langop/langop-agent:0.1.0").defaultArgs())
                .containsExactly("run");
        assertThat(ImageCatalog.repository("registry.local:5000/team/langop-tool-web@sha256:abc"))
                .isEqualTo("langop-tool-web");
        assertThatThrownBy(() -> ImageCatalog.entrypoint("ghcr.io/example/mcp-filesystem:1.4.0"))
                .hasMessageContaining("not a langop module");
    }

    @Test
    void runsTheProxyWithTheJvmFlagsItsImageSets() throws Exception {
        String pom = Files.readString(Path.of("..", "langop-model-proxy", "pom.xml"));
        List<String> imageFlags = Pattern.compile("<jvmFlag>([^<]+)</jvmFlag>")
                .matcher(pom)
                .results()
                .map(match -> match.group(1))
                .toList();

        assertThat(imageFlags).isNotEmpty();
        assertThat(ImageCatalog.entrypoint("ghcr.io/langop/langop-model-proxy:0.1.0")
                        .jvmFlags())
                .containsExactlyElementsOf(imageFlags);
    }
}
