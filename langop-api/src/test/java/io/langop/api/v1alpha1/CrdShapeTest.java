package io.langop.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.langop.api.v1alpha1.agent.AgentPhase;
import io.langop.api.v1alpha1.client.ClientPhase;
import io.langop.api.v1alpha1.cluster.ClusterPhase;
import io.langop.api.v1alpha1.model.ModelPhase;
import io.langop.api.v1alpha1.persona.PersonaPhase;
import io.langop.api.v1alpha1.tool.ToolPhase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
  void isANamespacedV1alpha1KindWithShortNameAndStatusSubresource(
      String kind, String shortName, Class<? extends Enum<?>> phases) {
    JsonNode crd = GeneratedCrds.crd(kind);

    assertThat(crd.at("/spec/group").asText()).isEqualTo("langop.io");
    assertThat(crd.at("/spec/scope").asText()).isEqualTo("Namespaced");
    assertThat(crd.at("/spec/names/shortNames/0").asText()).isEqualTo(shortName);
    assertThat(crd.at("/spec/versions")).hasSize(1);
    JsonNode version = crd.at("/spec/versions/0");
    assertThat(version.at("/name").asText()).isEqualTo("v1alpha1");
    assertThat(version.at("/served").asBoolean()).isTrue();
    assertThat(version.at("/storage").asBoolean()).isTrue();
    assertThat(version.at("/subresources/status").isObject()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void printsPhaseAndAgeAmongItsColumns(
      String kind, String shortName, Class<? extends Enum<?>> phases) {
    List<String> columns = new ArrayList<>();
    GeneratedCrds.crd(kind)
        .at("/spec/versions/0/additionalPrinterColumns")
        .forEach(c -> columns.add(c.get("name").asText() + "=" + c.get("jsonPath").asText()));

    assertThat(columns).contains("Phase=.status.phase", "Age=.metadata.creationTimestamp");
  }

  /**
   * The phase a reconciler writes is a value of the Java enum, so the API server must accept every
   * one of them (the original set phases its own CRDs rejected).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void acceptsEveryPhaseTheJavaModelCanExpress(
      String kind, String shortName, Class<? extends Enum<?>> phases) {
    List<String> schemaEnum = new ArrayList<>();
    GeneratedCrds.openApiSchema(kind)
        .at("/properties/status/properties/phase/enum")
        .forEach(v -> schemaEnum.add(v.asText()));
    List<String> javaValues =
        Arrays.stream(phases.getEnumConstants())
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
        .extracting(java.util.Map.Entry::getKey)
        .contains("type", "status", "reason", "message", "lastTransitionTime", "observedGeneration");
  }
}
