package io.langop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PodVolumesTest {

    @Test
    void containerPathsInConfigurationTextBecomeHostPathsAndNothingElseChanges() {
        Map<String, Path> mounts = new TreeMap<>(java.util.Comparator.comparing(String::length)
                .reversed()
                .thenComparing(java.util.Comparator.naturalOrder()));
        mounts.put("/etc/secrets", Path.of("/tmp/pod/volumes/api-keys"));
        mounts.put("/etc/secrets/extra", Path.of("/tmp/pod/volumes/extra"));
        String config = """
        upstreams:
          - apiKeyFile: /etc/secrets/openai-credentials/api-key
          - apiKeyFile: "/etc/secrets/extra/key"
        dir: /etc/secrets
        untouched: [/opt/etc/secrets/a, /etc/secrets-old/b, https://example.com/etc/secrets/c]
        """;

        assertThat(PodVolumes.localizePaths(config, mounts)).isEqualTo("""
        upstreams:
          - apiKeyFile: /tmp/pod/volumes/api-keys/openai-credentials/api-key
          - apiKeyFile: "/tmp/pod/volumes/extra/key"
        dir: /tmp/pod/volumes/api-keys
        untouched: [/opt/etc/secrets/a, /etc/secrets-old/b, https://example.com/etc/secrets/c]
        """);
    }
}
