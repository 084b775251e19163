package io.langop.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.langop.local.llm.EndpointProbe;
import io.langop.local.llm.LlmDiscovery;
import io.langop.local.llm.LocalLlm;
import io.langop.local.llm.ModelRedirect;
import io.langop.local.mail.LocalMailbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Secrets the default example refers to, made by langop local instead of written by hand. */
class LocalSecretsTest {

    private static final Path SIMPLE_AGENT =
            Path.of(System.getProperty("langop.examples.dir", "../examples"), "simple-agent");
    private static final LocalLlm OPENAI =
            new LocalLlm("OPENAI_API_KEY", LlmDiscovery.OPENAI_URL, "gpt-4o-mini", Optional.of("sk-test-1"), true);

    @Test
    void theExampleGetsItsOpenAiKeyAndAMailLogin() {
        List<LocalSecrets.Made> made = LocalSecrets.missing(Manifests.read(SIMPLE_AGENT), Optional.of(OPENAI), true);

        assertThat(made)
                .extracting(secret -> secret.secret().getMetadata().getNamespace() + "/"
                        + secret.secret().getMetadata().getName())
                .containsExactly("research/openai-credentials", "research/smtp-credentials");
        assertThat(made.get(0).secret().getStringData()).isEqualTo(Map.of("api-key", "sk-test-1"));
        assertThat(made.get(0).why())
                .isEqualTo("the API key from OPENAI_API_KEY")
                .doesNotContain("sk-test-1");
        assertThat(made.get(1).secret().getStringData())
                .isEqualTo(Map.of("username", LocalMailbox.LOGIN, "password", LocalMailbox.LOGIN));
    }

    @Test
    void whatTheManifestsBringIsNotMade() {
        List<HasMetadata> manifests = new ArrayList<>(Manifests.read(SIMPLE_AGENT));
        manifests.add(new SecretBuilder()
                .withNewMetadata()
                .withNamespace("research")
                .withName("smtp-credentials")
                .endMetadata()
                .withStringData(Map.of("username", "me", "password", "mine"))
                .build());

        assertThat(LocalSecrets.missing(manifests, Optional.of(OPENAI), true))
                .extracting(secret -> secret.secret().getMetadata().getName())
                .containsExactly("openai-credentials");
    }

    @Test
    void aKeylessLlmAndRealMailMakeNothing() throws Exception {
        List<HasMetadata> manifests = Manifests.read(SIMPLE_AGENT);
        LocalLlm ollama = new LocalLlm(
                "Ollama on localhost:11434", "http://localhost:11434/v1", "llama3.2", Optional.empty(), false);
        new ModelRedirect(ollama, EndpointProbe.http(java.time.Duration.ofMillis(100))).apply(manifests);

        assertThat(LocalSecrets.missing(manifests, Optional.of(ollama), false)).isEmpty();
    }
}
