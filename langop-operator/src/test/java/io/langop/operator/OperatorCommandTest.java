package io.langop.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.operator.agent.Fixtures;
import io.langop.operator.harness.MockApiServer;
import io.langop.operator.synthesis.SynthesisSettings;
import io.langop.operator.synthesis.SynthesisTarget;
import io.langop.wire.Meters;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class OperatorCommandTest {

    @Test
    void synthesisOptionsBecomeTheSynthesisSettingsAndTheKeyIsNeverPrinted() {
        OperatorCommand command = new OperatorCommand();
        new CommandLine(command)
                .parseArgs(
                        "--synthesis-endpoint",
                        "https://llm.example.com/v1",
                        "--synthesis-model",
                        "gpt-4o",
                        "--synthesis-repair-rounds",
                        "5",
                        "--synthesis-namespace-budget",
                        "2",
                        "--synthesis-namespace-refill",
                        "30s",
                        "--synthesis-retry",
                        "3s",
                        "--synthesis-timeout",
                        "1m");

        SynthesisSettings settings = command.synthesisSettings();
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.defaultTarget())
                .contains(new SynthesisTarget("https://llm.example.com/v1", "gpt-4o", true));
        assertThat(settings.repairRounds()).isEqualTo(5);
        assertThat(settings.namespaceBurst()).isEqualTo(2);
        assertThat(settings.namespaceRefill()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.firstRetry()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.llmTimeout()).isEqualTo(Duration.ofMinutes(1));

        SynthesisSettings withKey = new SynthesisSettings(
                settings.endpoint(),
                settings.model(),
                Optional.of("sk-secret-123"),
                5,
                2,
                Duration.ofSeconds(30),
                Duration.ofSeconds(3),
                Duration.ofMinutes(1),
                4);
        assertThat(withKey.toString()).doesNotContain("sk-secret-123").contains("apiKey=<set>");
    }

    @Test
    void withoutASynthesisModelSynthesisIsOff() {
        assumeTrue(System.getenv("SYNTHESIS_MODEL") == null, "SYNTHESIS_MODEL is set in this environment");
        OperatorCommand command = new OperatorCommand();
        new CommandLine(command).parseArgs("--synthesis-endpoint", "https://llm.example.com/v1");

        assertThat(command.synthesisSettings().enabled()).isFalse();
        assertThat(command.synthesisSettings().repairRounds()).isEqualTo(SynthesisSettings.DEFAULT_REPAIR_ROUNDS);
        assertThatThrownBy(() -> new CommandLine(new OperatorCommand()).parseArgs("--synthesis-retry", "soon"))
                .hasMessageContaining("'soon' is not a duration");
    }

    @Test
    void withoutAReachableClusterItExitsWithOneClearLine(@TempDir Path dir) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path kubeconfig = dir.resolve("config");
        Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: gone
          cluster: {server: "https://127.0.0.1:%d"}
        contexts:
        - name: gone
          context: {cluster: gone, user: nobody}
        current-context: gone
        users:
        - name: nobody
          user: {token: not-a-secret}
        """.formatted(closedPort));

        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        OperatorCommand.class.getName(),
                        "--install-crds")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        builder.environment().remove("KUBERNETES_SERVICE_HOST");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .filter(line -> !line.startsWith("WARNING:")) // JVM notices about netty's use of Unsafe, not ours
                .toList();
        assertThat(stderr)
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("langop-operator: no reachable Kubernetes API server at https://127.0.0.1:"
                                + closedPort)
                        .contains("kubeconfig"));
        assertThat(process.exitValue()).isEqualTo(OperatorCommand.EXIT_NO_CLUSTER);
    }

    @Test
    void installsTheCrdsReconcilesAndServesProbesAndMetricsUntilClosed(@TempDir Path dir) throws Exception {
        try (MockApiServer cluster = MockApiServer.startEmpty()) {
            Path kubeconfig = dir.resolve("config");
            Files.writeString(kubeconfig, KUBECONFIG.formatted(cluster.client().getMasterUrl()));
            OperatorCommand command = new OperatorCommand();
            new CommandLine(command).parseArgs("--install-crds", "--port", "0", "--crd-established-timeout", "1s");
            System.setProperty("kubeconfig", kubeconfig.toString());
            OperatorCommand.Running running;
            try {
                running = command.start();
            } finally {
                System.clearProperty("kubeconfig");
            }
            HttpClient http = HttpClient.newHttpClient();
            URI base = running.server().uri();
            try (running) {
                assertThat(cluster.client()
                                .apiextensions()
                                .v1()
                                .customResourceDefinitions()
                                .list()
                                .getItems())
                        .extracting(crd -> crd.getMetadata().getName())
                        .contains("languageagents.langop.io", "languagemodels.langop.io");
                await().atMost(Duration.ofSeconds(30)).until(() -> status(http, base.resolve("/readyz")) == 200);

                cluster.client().resource(Fixtures.model("default", "m")).create();
                await().until(() -> cluster.client()
                                .resources(LanguageModel.class)
                                .inNamespace("default")
                                .withName("m")
                                .get()
                                .getStatus()
                        != null);
                String metrics = http.send(
                                HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                assertThat(metrics)
                        .contains("operator_sdk_reconciliations")
                        .containsPattern(Meters.OPERATOR_RECONCILE_DURATION.name()
                                + "_seconds_count\\{controller=\"languagemodel\",operation=\"reconcile\","
                                + "outcome=\"success\"} [1-9]");
            }
            assertThatThrownBy(() -> status(http, base.resolve("/healthz"))).isInstanceOf(java.io.IOException.class);
        }
    }

    private static int status(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static final String KUBECONFIG = """
      apiVersion: v1
      kind: Config
      clusters:
      - name: mock
        cluster: {server: "%s"}
      contexts:
      - name: mock
        context: {cluster: mock, user: tester}
      current-context: mock
      users:
      - name: tester
        user: {token: not-a-secret}
      """;

    @Test
    void readsKubernetesStyleDurationsAndRefusesNonsense() {
        OperatorCommand command = new OperatorCommand();
        new CommandLine(command).parseArgs("--dns-refresh", "30s", "--namespaces", "a,b", "--leader-election");
        assertThat(command.dnsRefresh).isEqualTo(Duration.ofSeconds(30));
        assertThat(command.namespaces).containsExactly("a", "b");
        assertThat(command.leaderElection).isTrue();
        assertThat(command.port).isEqualTo(8080);

        var errors = new java.io.StringWriter();
        int exit = new CommandLine(new OperatorCommand())
                .setErr(new java.io.PrintWriter(errors))
                .execute("--dns-refresh", "soon");
        assertThat(exit).isEqualTo(2);
        assertThat(errors.toString()).contains("'soon' is not a duration such as 30s, 5m or 1h");
    }
}
