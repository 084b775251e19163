package io.langop.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.client.LanguageClient;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.persona.LanguagePersona;
import io.langop.api.v1alpha1.tool.LanguageTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExamplesTest {

    private static final Map<String, Class<? extends CustomResource<?, ?>>> CLASSES = Map.of(
            "LanguageAgent", LanguageAgent.class,
            "LanguageClient", LanguageClient.class,
            "LanguageCluster", LanguageCluster.class,
            "LanguageModel", LanguageModel.class,
            "LanguagePersona", LanguagePersona.class,
            "LanguageTool", LanguageTool.class);

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static Stream<Examples.Document> examples() {
        return Examples.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void isValidAgainstTheGeneratedSchema(Examples.Document example) {
        assertThat(CrdSchemaValidator.violations(example.object())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void passesTheCelRulesOfItsCrd(Examples.Document example) {
        assertThat(CelRules.violations(example.object())).isEmpty();
    }

    /** The Java model reads every field the example sets, and writes back exactly what it read. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void roundTripsThroughTheJavaModelWithoutLosingAField(Examples.Document example) {
        CustomResource<?, ?> resource =
                SERIALIZATION.unmarshal(example.object().toString(), CLASSES.get(example.kind()));

        JsonNode written = SERIALIZATION.convertValue(resource, JsonNode.class);

        assertThat(written).isEqualTo(example.object());
    }

    @Test
    void everyKindHasItsOwnExampleDirectory() {
        for (String kind : CLASSES.keySet()) {
            Path dir = Examples.DIR.resolve(kind.toLowerCase(Locale.ROOT));
            assertThat(Examples.all())
                    .as("an example of %s under %s", kind, dir)
                    .anySatisfy(d -> {
                        assertThat(d.file()).startsWith(dir);
                        assertThat(d.kind()).isEqualTo(kind);
                    });
        }
    }

    @Test
    void simpleAgentHasClusterModelToolPersonaAndAgent() {
        List<String> kinds = Examples.all().stream()
                .filter(d -> d.file().startsWith(Examples.DIR.resolve("simple-agent")))
                .map(Examples.Document::kind)
                .distinct()
                .toList();

        assertThat(kinds)
                .containsExactlyInAnyOrder(
                        "LanguageCluster", "LanguageModel", "LanguageTool", "LanguagePersona", "LanguageAgent");
    }

    @Test
    void everyExampleIsALangopObject() {
        assertThat(Examples.all()).isNotEmpty().allSatisfy(d -> {
            assertThat(d.object().path("apiVersion").asText()).isEqualTo(LangopApi.API_VERSION);
            assertThat(CLASSES).containsKey(d.kind());
        });
    }

    /** Beside langop.io objects, an example may only ship the code of an agent with {@code spec.codeRef}. */
    @Test
    void everyOtherObjectIsTheConfigMapOfAnAgentsCode() {
        Set<String> codeRefs = new HashSet<>();
        Examples.all().stream()
                .filter(d -> d.object().at("/spec/codeRef/name").isTextual())
                .forEach(d -> codeRefs.add(d.object().at("/metadata/namespace").asText() + "/"
                        + d.object().at("/spec/codeRef/name").asText()));
        assertThat(Examples.core()).allSatisfy(d -> {
            assertThat(d.object().path("apiVersion").asText()).isEqualTo("v1");
            assertThat(d.kind()).isEqualTo("ConfigMap");
            assertThat(codeRefs)
                    .contains(d.object().at("/metadata/namespace").asText() + "/"
                            + d.object().at("/metadata/name").asText());
        });
    }

    /** Applying a directory of examples gives a working set: every reference names an example. */
    @Test
    void everyReferenceNamesAnObjectThatAnExampleCreates() {
        Set<String> defined = new HashSet<>();
        Examples.all().forEach(d -> defined.add(key(d.kind(), d.object().at("/metadata"), null)));

        List<String> dangling = new ArrayList<>();
        for (Examples.Document d : Examples.all()) {
            JsonNode spec = d.object().get("spec");
            JsonNode meta = d.object().get("metadata");
            List<Map.Entry<String, JsonNode>> refs = new ArrayList<>();
            spec.path("modelRefs").forEach(r -> refs.add(Map.entry("LanguageModel", r)));
            spec.path("toolRefs").forEach(r -> refs.add(Map.entry("LanguageTool", r)));
            spec.path("agentRefs").forEach(r -> refs.add(Map.entry("LanguageAgent", r)));
            spec.path("fallbacks").forEach(r -> refs.add(Map.entry("LanguageModel", named(r.get("modelRef")))));
            for (String persona : List.of("personaRef", "parentPersona")) {
                if (spec.has(persona)) {
                    refs.add(Map.entry("LanguagePersona", spec.get(persona)));
                }
            }
            if (spec.has("clusterRef")) {
                refs.add(Map.entry("LanguageCluster", named(spec.get("clusterRef"))));
            }
            if (spec.at("/synthesis/modelRef").isTextual()) {
                refs.add(Map.entry("LanguageModel", named(spec.at("/synthesis/modelRef"))));
            }
            for (var ref : refs) {
                String wanted =
                        key(ref.getKey(), ref.getValue(), meta.path("namespace").asText());
                if (!defined.contains(wanted)) {
                    dangling.add(d + " -> " + wanted);
                }
            }
        }

        assertThat(dangling).isEmpty();
    }

    private static JsonNode named(JsonNode name) {
        return SERIALIZATION.convertValue(Map.of("name", name.asText()), JsonNode.class);
    }

    private static String key(String kind, JsonNode ref, String defaultNamespace) {
        String namespace = ref.path("namespace").asText(defaultNamespace);
        return kind + " " + namespace + "/" + ref.path("name").asText();
    }
}
