package io.langop.local.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.langop.local.Manifests;
import io.langop.local.manifest.ManifestFields;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which of the examples' LanguageModels langop local points at the LLM it found, and how. */
class ModelRedirectTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("langop.examples.dir", "../examples"));
    private static final LocalLlm OLLAMA =
            new LocalLlm("Ollama on localhost:11434", "http://localhost:11434/v1", "llama3.2", Optional.empty(), false);
    private static final LocalLlm OPENAI =
            new LocalLlm("OPENAI_API_KEY", LlmDiscovery.OPENAI_URL, "gpt-4o-mini", Optional.of("sk-1"), true);
    private static final EndpointProbe NOTHING_ANSWERS = url -> false;

    @Test
    void aCloudModelWithoutItsKeyUsesTheOllama() throws Exception {
        List<HasMetadata> manifests = example("simple-agent");

        List<String> told = new ModelRedirect(OLLAMA, NOTHING_ANSWERS).apply(manifests);

        assertThat(field(manifests, "provider")).isEqualTo("openai-compatible");
        assertThat(field(manifests, "endpoint")).isEqualTo("http://localhost:11434/v1");
        assertThat(field(manifests, "modelName")).isEqualTo("llama3.2");
        assertThat(field(manifests, "apiKeySecretRef", "name"))
                .as("the Ollama needs no key")
                .isNull();
        assertThat(told)
                .containsExactly("LanguageModel research/gpt-4o-mini uses llama3.2 at http://localhost:11434/v1: "
                        + "openai's API needs an API key and no Secret with one came with the manifests");
    }

    @Test
    void anOpenAiModelStaysAsItIsWhenTheKeyIsOpenAis() throws Exception {
        List<HasMetadata> manifests = example("simple-agent");

        List<String> told = new ModelRedirect(OPENAI, NOTHING_ANSWERS).apply(manifests);

        assertThat(told).isEmpty();
        assertThat(field(manifests, "provider")).isEqualTo("openai");
        assertThat(field(manifests, "endpoint")).isNull();
        assertThat(field(manifests, "modelName")).isEqualTo("gpt-4o-mini");
        assertThat(field(manifests, "apiKeySecretRef", "name")).isEqualTo("openai-credentials");
    }

    @Test
    void anOpenAiModelGoesToTheOpenAiBaseUrlWithItsOwnModelName() throws Exception {
        List<HasMetadata> manifests = example("simple-agent");
        LocalLlm gateway = new LocalLlm(
                "OPENAI_API_KEY, OPENAI_BASE_URL",
                "http://127.0.0.1:4000/v1",
                "gpt-4o-mini",
                Optional.of("sk-1"),
                true);

        new ModelRedirect(gateway, NOTHING_ANSWERS).apply(manifests);

        assertThat(field(manifests, "endpoint")).isEqualTo("http://127.0.0.1:4000/v1");
        assertThat(field(manifests, "modelName")).isEqualTo("gpt-4o-mini");
    }

    @Test
    void aModelWhoseEndpointAnswersIsLeftAloneAndOneWhoseDoesNotIsRedirected() throws Exception {
        List<HasMetadata> answering = example("local-agent");
        List<HasMetadata> silent = example("local-agent");

        List<String> leftAlone = new ModelRedirect(OPENAI, url -> true).apply(answering);
        List<String> redirected = new ModelRedirect(OPENAI, NOTHING_ANSWERS).apply(silent);

        assertThat(leftAlone).isEmpty();
        assertThat(field(answering, "modelName")).isEqualTo("llama3.2");
        assertThat(redirected)
                .singleElement()
                .asString()
                .endsWith("its endpoint http://localhost:11434/v1 does not answer");
        assertThat(field(silent, "endpoint")).isEqualTo(LlmDiscovery.OPENAI_URL);
        assertThat(field(silent, "modelName")).isEqualTo("gpt-4o-mini");
        assertThat(field(silent, "apiKeySecretRef", "name")).isEqualTo(ModelRedirect.KEY_SECRET);
    }

    @Test
    void aKeyThatCameWithTheManifestsKeepsTheModelOnItsProvider() throws Exception {
        List<HasMetadata> manifests = new ArrayList<>(example("simple-agent"));
        manifests.add(new SecretBuilder()
                .withNewMetadata()
                .withNamespace("research")
                .withName("openai-credentials")
                .endMetadata()
                .build());

        List<String> told = new ModelRedirect(OLLAMA, NOTHING_ANSWERS).apply(manifests);

        assertThat(told).isEmpty();
        assertThat(field(manifests, "modelName")).isEqualTo("gpt-4o-mini");
    }

    private static List<HasMetadata> example(String name) {
        return Manifests.read(EXAMPLES.resolve(name));
    }

    /** A field of the spec of the one LanguageModel, or null. */
    private static String field(List<HasMetadata> manifests, String... path) {
        HasMetadata model = manifests.stream()
                .filter(object -> ManifestFields.isLangop(object, "LanguageModel"))
                .findFirst()
                .orElseThrow();
        Object[] full = new Object[path.length + 1];
        full[0] = "spec";
        System.arraycopy(path, 0, full, 1, path.length);
        return ManifestFields.text(model, full).orElse(null);
    }
}
