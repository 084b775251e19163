package io.langop.local.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.langop.api.v1alpha1.LangopApi;
import io.langop.local.LocalCluster;
import io.langop.operator.OperatorSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real kubectl against the API server of {@code langop local} (the {@link ApiGateway} of a {@link LocalCluster}
 * with the operator and the pod runner): discovery, apply, get with printer columns, describe with events, edit,
 * watches, delete with owned objects, pods and their logs.
 */
class KubectlIT {

    private static final String NS = "kubectl";
    private static final Duration SETTLE = Duration.ofSeconds(30);

    @TempDir
    static Path temp;

    private static LocalCluster cluster;
    private static Kubectl kubectl;

    @BeforeAll
    static void start() throws IOException {
        Path kubeconfig = temp.resolve("kubeconfig");
        kubectl = Kubectl.against(kubeconfig, temp.resolve("kube-cache"));
        cluster = LocalCluster.start(temp.resolve("work"), OperatorSettings.defaults());
        Kubeconfig.write(kubeconfig, cluster.kubectlUrl(), NS);
        cluster.createNamespace(NS);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void discoveryNamesTheLangopResourcesWithShortNamesAndTheirCategory() {
        Kubectl.Result resources = kubectl.run("api-resources", "--api-group=langop.io", "-o", "wide");

        assertThat(resources.exitCode()).as(resources.all()).isZero();
        assertThat(resources.out().lines())
                .anySatisfy(line -> assertThat(line.split("\\s+"))
                        .containsSubsequence("languageagents", "lagent", "langop.io/v1alpha1", "true", "LanguageAgent")
                        .contains("langop"));
        assertThat(kubectl.run("version").out()).contains("Server Version: " + Discovery.KUBERNETES_VERSION);
        assertThat(kubectl.run("api-resources").out())
                .contains("deployments")
                .contains("cronjobs")
                .contains("events");
    }

    @Test
    void applyCreatesThenUpdatesAndGetShowsThePrinterColumns() throws IOException {
        Path manifest = temp.resolve("persona.yaml");
        Files.writeString(manifest, persona("concise") + "---\n" + configMap("a: \"1\""));

        Kubectl.Result created = kubectl.run("apply", "-f", manifest.toString());
        Files.writeString(manifest, persona("friendly") + "---\n" + configMap("a: \"2\"\n  b: \"3\""));
        Kubectl.Result configured = kubectl.run("apply", "-f", manifest.toString());

        assertThat(created.out()).as(created.all()).contains("languagepersona.langop.io/analyst created");
        assertThat(configured.out())
                .as(configured.all())
                .contains("languagepersona.langop.io/analyst configured")
                .contains("configmap/settings configured");
        assertThat(kubectl.run("get", "cm", "settings", "-o", "jsonpath={.data}")
                        .out())
                .isEqualTo("{\"a\":\"2\",\"b\":\"3\"}");
        await("the operator's phase in the PHASE column").atMost(SETTLE).untilAsserted(() -> {
            List<String> table =
                    kubectl.run("get", "lpersona", "-A").out().lines().toList();
            assertThat(table.getFirst().split("\\s{2,}"))
                    .containsExactly("NAMESPACE", "NAME", "AGE", "DISPLAY NAME", "TONE", "PHASE", "USAGE");
            assertThat(table)
                    .anyMatch(line -> line.matches("kubectl\\s+analyst\\s+\\S+\\s+Analyst\\s+friendly\\s+Ready.*"));
        });
    }

    @Test
    void describeShowsTheEventsTheOperatorPosted() throws IOException {
        Path manifest = temp.resolve("agent.yaml");
        Files.writeString(manifest, """
                apiVersion: langop.io/v1alpha1
                kind: LanguageAgent
                metadata: {name: lonely, namespace: kubectl}
                spec:
                  image: ghcr.io/langop/langop-agent:test
                  instructions: Write a haiku
                  modelRefs: [{name: nowhere}]
                """);
        assertThat(kubectl.run("apply", "-f", manifest.toString()).exitCode()).isZero();

        await("the ReferencesMissing event in the description")
                .atMost(SETTLE)
                .untilAsserted(() -> assertThat(
                                kubectl.run("describe", "lagent", "lonely").out())
                        .contains("Name:         lonely")
                        .containsPattern("Warning\\s+ReferencesMissing\\s+\\S+\\s+langop-operator\\s+.*nowhere"));
        assertThat(kubectl.run("get", "events", "--field-selector", "involvedObject.name=lonely")
                        .out())
                .contains("languageagent/lonely")
                .doesNotContain("languagepersona/");
    }

    @Test
    void applyRefusesWhatTheCrdRefusesNamingTheFieldAndStoresNothing() throws IOException {
        Path manifest = temp.resolve("regional.yaml");
        Files.writeString(manifest, model("regional", "  regions: [eu-west]\n"));

        Kubectl.Result refused = kubectl.run("apply", "-f", manifest.toString());

        assertThat(refused.exitCode()).as(refused.all()).isNotZero();
        assertThat(refused.err())
                .contains("The LanguageModel \"regional\" is invalid")
                .contains("spec: Invalid value: \"object\": regions are not supported yet: list each region's URL"
                        + " under loadBalancing.endpoints");
        assertThat(kubectl.run("get", "lmodel", "regional").err()).contains("\"regional\" not found");
    }

    @Test
    void applyRefusesAMisspeltFieldAndFillsInTheSchemaDefaults() throws IOException {
        Path manifest = temp.resolve("misspelt.yaml");
        Files.writeString(manifest, model("spelled", "  modelNmae: gpt-4o\n  costTracking: {enabled: true}\n"));

        Kubectl.Result misspelt = kubectl.run("apply", "-f", manifest.toString());
        Files.writeString(manifest, model("spelled", "  costTracking: {enabled: true}\n"));
        Kubectl.Result created = kubectl.run("apply", "-f", manifest.toString());

        assertThat(misspelt.exitCode()).as(misspelt.all()).isNotZero();
        assertThat(misspelt.err()).contains("unknown field \"spec.modelNmae\"");
        assertThat(created.out()).as(created.all()).contains("languagemodel.langop.io/spelled created");
        assertThat(kubectl.run("get", "lmodel", "spelled", "-o", "jsonpath={.spec.costTracking.currency}")
                        .out())
                .as("the schema's default, filled in on create as the API server does")
                .isEqualTo("USD");
    }

    @Test
    void anUpdateThatBreaksARuleIsRefusedAndTheStoredObjectIsKept() throws IOException {
        Path manifest = temp.resolve("kept.yaml");
        Files.writeString(manifest, model("kept", ""));
        assertThat(kubectl.run("apply", "-f", manifest.toString()).exitCode()).isZero();

        Files.writeString(manifest, model("kept", "  regions: [eu-west]\n"));
        Kubectl.Result applied = kubectl.run("apply", "-f", manifest.toString());
        Kubectl.Result merged = kubectl.run(
                "patch",
                "lmodel",
                "kept",
                "--type",
                "merge",
                "-p",
                "{\"spec\":{\"costTracking\":{\"currency\":\"usd\"}}}");
        Kubectl.Result jsonPatched = kubectl.run(
                "patch",
                "lmodel",
                "kept",
                "--type",
                "json",
                "-p",
                "[{\"op\":\"replace\",\"path\":\"/spec/timeout\",\"value\":\"soon\"}]");
        Kubectl.Result accepted =
                kubectl.run("patch", "lmodel", "kept", "--type", "merge", "-p", "{\"spec\":{\"timeout\":\"90s\"}}");

        assertThat(applied.exitCode()).as(applied.all()).isNotZero();
        assertThat(applied.err()).contains("regions are not supported yet");
        assertThat(merged.exitCode()).as(merged.all()).isNotZero();
        assertThat(merged.err()).contains("spec.costTracking.currency: Invalid value: \"usd\"");
        assertThat(jsonPatched.exitCode()).as(jsonPatched.all()).isNotZero();
        assertThat(jsonPatched.err()).contains("spec.timeout: Invalid value: \"soon\"");
        assertThat(accepted.out()).as(accepted.all()).contains("languagemodel.langop.io/kept patched");
        assertThat(kubectl.run("get", "lmodel", "kept", "-o", "json").out())
                .contains("\"timeout\": \"90s\"")
                .doesNotContain("regions")
                .doesNotContain("usd");
    }

    @Test
    void editChangesWhatTheEditorChanged() throws IOException {
        Files.writeString(temp.resolve("edited.yaml"), configMap("mode: slow").replace("settings", "edited"));
        assertThat(kubectl.run("apply", "-f", temp.resolve("edited.yaml").toString())
                        .exitCode())
                .isZero();

        Kubectl.Result edited = kubectl.run(Map.of("EDITOR", "sed -i -e s/slow/fast/"), "edit", "configmap", "edited");

        assertThat(edited.out()).as(edited.all()).contains("configmap/edited edited");
        assertThat(kubectl.run("get", "cm", "edited", "-o", "jsonpath={.data.mode}")
                        .out())
                .isEqualTo("fast");
    }

    @Test
    void aWatchShowsAChangeAsItHappens() throws Exception {
        createConfigMap("there-before");
        Process watch = kubectl.start(Map.of(), "get", "configmaps", "--watch", "--output-watch-events");
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (IOException ended) {
                // the test ended the watch
            }
        });
        try {
            await("the watch's first table")
                    .atMost(SETTLE)
                    .until(() -> lines.stream()
                            .anyMatch(line -> line.startsWith("ADDED ") && line.contains("there-before")));
            createConfigMap("arrived-later");

            await("the new ConfigMap in the watch")
                    .atMost(SETTLE)
                    .until(() -> lines.stream().anyMatch(line -> line.matches("ADDED\\s+arrived-later\\s+1\\s+.*")));
            assertThat(lines.getFirst().split("\\s+")).containsExactly("EVENT", "NAME", "DATA", "AGE");
            assertThat(lines.stream().filter(line -> line.contains("there-before")))
                    .as("what the list showed is not repeated by the watch")
                    .hasSize(1);
        } finally {
            watch.destroy();
        }
    }

    private static void createConfigMap(String name) {
        cluster.client()
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(NS)
                        .endMetadata()
                        .addToData("x", "1")
                        .build())
                .create();
    }

    @Test
    void deleteTakesWhatTheObjectOwned() throws IOException {
        Files.writeString(temp.resolve("owner.yaml"), persona("concise").replace("analyst", "owner"));
        assertThat(kubectl.run("apply", "-f", temp.resolve("owner.yaml").toString())
                        .exitCode())
                .isZero();
        GenericKubernetesResource owner = cluster.client()
                .genericKubernetesResources(LangopApi.API_VERSION, "LanguagePersona")
                .inNamespace(NS)
                .withName("owner")
                .get();
        cluster.client()
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("owned")
                        .withNamespace(NS)
                        .addNewOwnerReference()
                        .withApiVersion(LangopApi.API_VERSION)
                        .withKind("LanguagePersona")
                        .withName("owner")
                        .withUid(owner.getMetadata().getUid())
                        .endOwnerReference()
                        .endMetadata()
                        .build())
                .create();

        Kubectl.Result deleted = kubectl.run("delete", "lpersona", "owner");

        assertThat(deleted.out()).as(deleted.all()).contains("languagepersona.langop.io \"owner\" deleted");
        await("the owned ConfigMap collected")
                .atMost(SETTLE)
                .until(() -> cluster.client()
                                .configMaps()
                                .inNamespace(NS)
                                .withName("owned")
                                .get()
                        == null);
        assertThat(kubectl.run("get", "lpersona", "owner").err())
                .contains("languagepersonas.langop.io \"owner\" not found");
    }

    @Test
    void podsAreListedDescribedAndTheirLogsRead() throws IOException, InterruptedException {
        Path manifest = temp.resolve("deployment.yaml");
        Files.writeString(manifest, deployment("FIRST"));
        assertThat(kubectl.run("apply", "-f", manifest.toString()).exitCode()).isZero();
        Files.writeString(manifest, deployment("SECOND"));
        Kubectl.Result configured = kubectl.run("apply", "-f", manifest.toString());

        assertThat(configured.out()).as(configured.all()).contains("deployment.apps/hello configured");
        assertThat(kubectl.run(
                                "get",
                                "deploy",
                                "hello",
                                "-o",
                                "jsonpath={.spec.template.spec.containers[0].env[*].name}")
                        .out())
                .as("the env list merged by name")
                .isEqualTo("LOG_LEVEL SECOND");
        await("the pod running and ready")
                .atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(
                                kubectl.run("get", "pods", "-l", "app=hello").out())
                        .containsPattern("hello-\\S+\\s+1/1\\s+Running\\s+0"));
        assertThat(kubectl.run("get", "deploy", "hello").out()).containsPattern("hello\\s+1/1\\s+1\\s+1");
        assertThat(kubectl.run("describe", "pod", "-l", "app=hello").out())
                .contains("Controlled By:  Deployment/hello")
                .containsPattern("State:\\s+Running");
        assertThat(kubectl.run("logs", "-l", "app=hello", "--tail", "50").out())
                .contains("langop-tool-web listening on port");

        String pod = kubectl.run("get", "pods", "-l", "app=hello", "-o", "jsonpath={.items[0].metadata.name}")
                .out();
        Process follow = kubectl.start(Map.of(), "logs", "-f", pod);
        try {
            assertThat(follow.waitFor(2, TimeUnit.SECONDS))
                    .as("logs -f follows a running container")
                    .isFalse();
            assertThat(kubectl.run("delete", "pod", pod).out()).contains("pod \"" + pod + "\" deleted");
            assertThat(follow.waitFor(40, TimeUnit.SECONDS))
                    .as("logs -f ends when the container stops")
                    .isTrue();
            assertThat(new String(follow.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("langop-tool-web listening on port");
        } finally {
            follow.destroyForcibly();
        }
        await("a new pod in place of the deleted one")
                .atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(
                                kubectl.run("get", "pods", "-l", "app=hello").out())
                        .containsPattern("hello-\\S+\\s+1/1\\s+Running"));
    }

    /** A LanguageModel the schema admits, with {@code extraSpec} (indented lines) added to its spec. */
    private static String model(String name, String extraSpec) {
        return """
                apiVersion: langop.io/v1alpha1
                kind: LanguageModel
                metadata: {name: %s, namespace: kubectl}
                spec:
                  provider: openai
                  modelName: gpt-4o-mini
                  timeout: 2m
                """.formatted(name) + extraSpec;
    }

    private static String persona(String tone) {
        return """
                apiVersion: langop.io/v1alpha1
                kind: LanguagePersona
                metadata: {name: analyst, namespace: kubectl}
                spec:
                  displayName: Analyst
                  description: Reads and summarises.
                  systemPrompt: You are careful.
                  tone: %s
                """.formatted(tone);
    }

    private static String configMap(String data) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: kubectl}
                data:
                  %s
                """.formatted(data);
    }

    /** A web tool server: a langop image the pod runner plays, quick to start. */
    private static String deployment(String variable) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: hello, namespace: kubectl}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: hello}}
                  template:
                    metadata: {labels: {app: hello}}
                    spec:
                      containers:
                        - name: web
                          image: ghcr.io/langop/langop-tool-web:test
                          env:
                            - {name: LOG_LEVEL, value: info}
                            - {name: %s, value: "1"}
                          readinessProbe:
                            tcpSocket: {port: 8080}
                          ports: [{containerPort: 8080}]
                """.formatted(variable);
    }
}
