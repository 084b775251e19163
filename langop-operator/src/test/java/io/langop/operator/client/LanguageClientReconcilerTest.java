package io.langop.operator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.v1alpha1.ModelReference;
import io.langop.api.v1alpha1.client.ClientPhase;
import io.langop.api.v1alpha1.client.LanguageClient;
import io.langop.api.v1alpha1.client.LanguageClientSpec;
import io.langop.operator.OperatorSettings;
import io.langop.operator.harness.OperatorHarness;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LanguageClientReconcilerTest {

  private static OperatorHarness operator;
  private static KubernetesClient client;

  @BeforeAll
  static void startOperator() {
    operator = OperatorHarness.start(OperatorSettings.defaults(), host -> {
      throw new UnknownHostException(host);
    });
    client = operator.client();
  }

  @AfterAll
  static void stopOperator() {
    operator.close();
  }

  @Test
  void aValidClientIsMarkedValidAndSaysItsWorkloadIsNotRun() {
    client.resource(languageClient("clients", "chat", List.of("gpt"))).create();
    await().untilAsserted(() -> {
      LanguageClient current = get("clients", "chat");
      assertThat(current.getStatus()).isNotNull();
      assertThat(current.getStatus().getPhase()).isEqualTo(ClientPhase.PENDING);
      assertThat(current.getStatus().getConditions())
          .extracting(c -> c.getType() + "=" + c.getStatus() + ":" + c.getReason())
          .containsExactly("Valid=True:Valid", "Ready=False:WorkloadNotRun");
      assertThat(current.getStatus().getObservedGeneration()).isEqualTo(current.getMetadata().getGeneration());
    });
  }

  @Test
  void anInvalidClientFailsWithTheReason() {
    client.resource(languageClient("clients", "broken", List.of())).create();
    await().untilAsserted(() -> {
      LanguageClient current = get("clients", "broken");
      assertThat(current.getStatus()).isNotNull();
      assertThat(current.getStatus().getPhase()).isEqualTo(ClientPhase.FAILED);
      assertThat(current.getStatus().getMessage()).isEqualTo("spec.modelRefs needs at least one model");
    });
  }

  private static LanguageClient languageClient(String ns, String name, List<String> models) {
    LanguageClient languageClient = new LanguageClient();
    languageClient.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(ns).build());
    languageClient.setSpec(new LanguageClientSpec());
    languageClient.getSpec().setImage("ghcr.io/langop/chat:1");
    languageClient.getSpec().setModelRefs(models.stream().map(m -> {
      ModelReference ref = new ModelReference();
      ref.setName(m);
      return ref;
    }).toList());
    return languageClient;
  }

  private static LanguageClient get(String ns, String name) {
    return client.resources(LanguageClient.class).inNamespace(ns).withName(name).get();
  }
}
