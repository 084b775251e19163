package io.langop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.langop.operator.OperatorSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent written for a newer API: {@code langop local} refuses its manifest as a cluster's API server would, naming
 * the field, and applies the rest; one that is in the store anyway (stored before the CRD said otherwise) reaches the
 * operator, whose account tells why it cannot be read, and the run goes on with the others (it used to end within
 * seconds, with no reason on the screen).
 */
class UnreadableManifestTest {

    private static final String AGENTS = """
            apiVersion: langop.io/v1alpha1
            kind: LanguageAgent
            metadata: {name: newer, namespace: playground}
            spec:
              image: ghcr.io/langop/langop-agent:test
              instructions: Write a haiku
              modelRefs: [{name: absent}]
              budget: {dollars: 5}
              replicas: many
            ---
            apiVersion: langop.io/v1alpha1
            kind: LanguageAgent
            metadata: {name: plain, namespace: playground}
            spec:
              image: ghcr.io/langop/langop-agent:test
              instructions: Write a haiku
              modelRefs: [{name: absent}]
            """;

    @Test
    void tellsWhyAnAgentCannotBeReadAndKeepsRunningTheRest(@TempDir Path temp) throws Exception {
        Path manifests = Files.createDirectories(temp.resolve("manifests"));
        Files.writeString(manifests.resolve("agents.yaml"), AGENTS);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        try (LocalRun run = LocalRun.start(
                Manifests.read(manifests),
                temp.resolve("work"),
                LocalSetup.withoutLlm(OperatorSettings.defaults()),
                out)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> lines(bytes).stream()
                            .anyMatch(line -> line.contains(
                                    "condition LanguageAgent playground/plain: Ready=False (ReferencesMissing)")));
            assertThat(lines(bytes))
                    .anySatisfy(line -> assertThat(line)
                            .contains("refused")
                            .contains("LanguageAgent playground/newer")
                            .contains("unknown field \"spec.budget\""));

            // stored as written, past admission: the operator says why it cannot read it
            var client = run.cluster().client();
            client.resource(client.getKubernetesSerialization()
                            .unmarshal(
                                    AGENTS.substring(0, AGENTS.indexOf("---")).replace("newer", "stored"),
                                    GenericKubernetesResource.class))
                    .create();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> lines(bytes).stream()
                            .anyMatch(line -> line.contains(
                                    "condition LanguageAgent playground/stored: Ready=False (InvalidSpec)")));

            // the operator still reconciles what comes after
            run.cluster().apply("""
                    apiVersion: langop.io/v1alpha1
                    kind: LanguageAgent
                    metadata: {name: later, namespace: playground}
                    spec:
                      image: ghcr.io/langop/langop-agent:test
                      instructions: Write a haiku
                      modelRefs: [{name: absent}]
                    """);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> lines(bytes).stream()
                            .anyMatch(line -> line.contains("condition LanguageAgent playground/later: Ready=False")));
        } catch (AssertionError | RuntimeException failed) {
            System.out.println(bytes.toString(StandardCharsets.UTF_8));
            throw failed;
        }

        String stored = lines(bytes).stream()
                .filter(line -> line.contains("condition LanguageAgent playground/stored: Ready=False"))
                .findFirst()
                .orElseThrow();
        assertThat(stored).contains("spec.budget: unknown field").contains("spec.replicas: \"many\" is not an integer");
    }

    private static List<String> lines(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
