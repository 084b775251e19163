package io.langop.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.langop.operator.harness.MockApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CrdInstallerTest {

    private static MockApiServer api;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        api = MockApiServer.start(); // installs the CRDs once already
        client = api.client();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void packsExactlyTheChartsCrdsForTheSixKinds() throws Exception {
        List<CustomResourceDefinition> packaged = CrdInstaller.packagedDefinitions();
        assertThat(packaged)
                .extracting(crd -> crd.getMetadata().getName())
                .containsExactly(
                        "languageclusters.langop.io",
                        "languagemodels.langop.io",
                        "languagetools.langop.io",
                        "languagepersonas.langop.io",
                        "languageagents.langop.io",
                        "languageclients.langop.io");
        Path chartCrds = Path.of(System.getProperty("langop.chart.dir"), "crds");
        for (CustomResourceDefinition crd : packaged) {
            CustomResourceDefinition inChart = Serialization.unmarshal(
                    Files.readString(chartCrds.resolve(crd.getMetadata().getName() + "-v1.yml")),
                    CustomResourceDefinition.class);
            assertThat(crd).isEqualTo(inChart);
        }
    }

    @Test
    void installingAgainUpdatesInPlaceAndWaitsUntilEstablished() {
        CrdInstaller installer = new CrdInstaller(client);
        String before = client.apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("languageagents.langop.io")
                .get()
                .getMetadata()
                .getResourceVersion();

        List<CustomResourceDefinition> installed = installer.install();

        assertThat(installed).hasSize(6);
        assertThat(client.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .list()
                        .getItems())
                .hasSize(6);
        assertThat(client.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName("languageagents.langop.io")
                        .get()
                        .getMetadata()
                        .getResourceVersion())
                .isNotEqualTo(before);

        // nothing marks them established yet: waiting gives up after the timeout
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> installer.awaitEstablished(installed, Duration.ofMillis(300)))
                .isInstanceOf(KubernetesClientTimeoutException.class);
        for (CustomResourceDefinition crd : installed) {
            CustomResourceDefinition current = client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(crd.getMetadata().getName())
                    .get();
            current.setStatus(new io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionStatus());
            current.getStatus()
                    .setConditions(List.of(new CustomResourceDefinitionConditionBuilder()
                            .withType("Established")
                            .withStatus("True")
                            .build()));
            client.resource(current).updateStatus();
        }
        installer.awaitEstablished(installed, Duration.ofSeconds(10));
    }
}
