package io.langop.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.langop.api.admission.ValidationRules;
import io.langop.api.v1alpha1.agent.AgentPhase;
import io.langop.api.v1alpha1.client.ClientPhase;
import io.langop.api.v1alpha1.cluster.ClusterPhase;
import io.langop.api.v1alpha1.model.ModelPhase;
import io.langop.api.v1alpha1.persona.PersonaPhase;
import io.langop.api.v1alpha1.tool.ToolPhase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CrdShapeTest {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("LanguageAgent", "lagent", AgentPhase.class),
                Arguments.of("LanguageClient", "lclient", ClientPhase.class),
                Arguments.of("LanguageCluster", "lcluster", ClusterPhase.class),
                Arguments.of("LanguageModel", "lmodel", ModelPhase.class),
                Arguments.of("LanguagePersona", "lpersona", PersonaPhase.class),
                Arguments.of("LanguageTool", "ltool", ToolPhase.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void isANamespacedV1alpha1KindWithShortNameCategoryAndStatusSubresource(
            String kind, String shortName, Class<? extends Enum<?>> phases) {
        JsonNode crd = GeneratedCrds.crd(kind);

        assertThat(crd.at("/spec/group").asText()).isEqualTo("langop.io");
        assertThat(crd.at("/spec/scope").asText()).isEqualTo("Namespaced");
        assertThat(crd.at("/spec/names/shortNames/0").asText()).isEqualTo(shortName);
        assertThat(crd.at("/spec/names/categories/0").asText()).isEqualTo("langop");
        assertThat(crd.at("/spec/versions")).hasSize(1);
        JsonNode version = crd.at("/spec/versions/0");
        assertThat(version.at("/name").asText()).isEqualTo("v1alpha1");
        assertThat(version.at("/served").asBoolean()).isTrue();
        assertThat(version.at("/storage").asBoolean()).isTrue();
        assertThat(version.at("/subresources/status").isObject()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void printsPhaseAndAgeAmongItsColumns(String kind, String shortName, Class<? extends Enum<?>> phases) {
        List<String> columns = new ArrayList<>();
        GeneratedCrds.crd(kind)
                .at("/spec/versions/0/additionalPrinterColumns")
                .forEach(c -> columns.add(
                        c.get("name").asText() + "=" + c.get("jsonPath").asText()));

        assertThat(columns).contains("Phase=.status.phase", "Age=.metadata.creationTimestamp");
    }

    /**
     * The phase a reconciler writes is a value of the Java enum, so the API server must accept every
     * one of them (the original set phases its own CRDs rejected).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void acceptsEveryPhaseTheJavaModelCanExpress(String kind, String shortName, Class<? extends Enum<?>> phases) {
        List<String> schemaEnum = new ArrayList<>();
        GeneratedCrds.openApiSchema(kind)
                .at("/properties/status/properties/phase/enum")
                .forEach(v -> schemaEnum.add(v.asText()));
        List<String> javaValues = Arrays.stream(phases.getEnumConstants())
                .map(phase -> SERIALIZATION.asJson(phase).replace("\"", ""))
                .toList();

        assertThat(javaValues).contains("Pending", "Failed");
        assertThat(schemaEnum).containsExactlyInAnyOrderElementsOf(javaValues);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void carriesObservedGenerationAndStandardConditionsInStatus(
            String kind, String shortName, Class<? extends Enum<?>> phases) {
        JsonNode status = GeneratedCrds.openApiSchema(kind).at("/properties/status/properties");

        assertThat(status.at("/observedGeneration/type").asText()).isEqualTo("integer");
        assertThat(status.at("/conditions/items/properties").properties())
                .extracting(Map.Entry::getKey)
                .contains("type", "status", "reason", "message", "lastTransitionTime", "observedGeneration");
    }

    /** The API server only accepts structural schemas: every node declares its type. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void hasAStructuralSchema(String kind, String shortName, Class<? extends Enum<?>> phases) {
        List<String> untyped = new ArrayList<>();
        collectUntyped(GeneratedCrds.openApiSchema(kind), "", untyped);

        assertThat(untyped).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyDefaultSatisfiesItsOwnFieldSchema(String kind, String shortName, Class<? extends Enum<?>> phases) {
        assertThat(CrdSchemaValidator.invalidDefaults(kind)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyCelRuleCompiles(String kind, String shortName, Class<? extends Enum<?>> phases) throws Exception {
        for (ValidationRules.Rule rule : CelRules.rulesOf(kind)) {
            assertThat(CelRules.compile(rule.expression())).as(rule.path()).isNotNull();
            assertThat(rule.message()).as("message of " + rule.path()).isNotBlank();
        }
    }

    private static void collectUntyped(JsonNode schema, String path, List<String> untyped) {
        if (!schema.has("type")
                && !schema.path("x-kubernetes-int-or-string").asBoolean()
                && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            untyped.add(path.isEmpty() ? "/" : path);
        }
        for (var property : schema.path("properties").properties()) {
            collectUntyped(property.getValue(), path + "/" + property.getKey(), untyped);
        }
        if (schema.has("items")) {
            collectUntyped(schema.get("items"), path + "/items", untyped);
        }
        if (schema.path("additionalProperties").isObject()) {
            collectUntyped(schema.get("additionalProperties"), path + "/additionalProperties", untyped);
        }
    }
}
