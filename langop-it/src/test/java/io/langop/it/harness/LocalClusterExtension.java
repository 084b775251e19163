package io.langop.it.harness;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.v1alpha1.agent.AgentPhase;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.LanguageAgentStatus;
import io.langop.local.LocalCluster;
import io.langop.operator.OperatorSettings;
import io.langop.wire.AgentFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * langop-local's {@link LocalCluster} for one test class, in {@code target/it-work/<TestClass>}:
 * started before the tests, stopped after them; when a test fails, the log of every pod and
 * container is printed. Register it with {@code @RegisterExtension static}.
 */
public final class LocalClusterExtension implements BeforeAllCallback, AfterAllCallback, TestWatcher {

    private final Supplier<OperatorSettings> settings;
    private LocalCluster cluster;

    /** The operator with its default settings: synthesis off. */
    public LocalClusterExtension() {
        this(OperatorSettings::defaults);
    }

    /** The operator with the settings the supplier gives when the class starts, e.g. a synthesis LLM. */
    public LocalClusterExtension(Supplier<OperatorSettings> settings) {
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path workDir = Path.of(System.getProperty("langop.it.work", "target/it-work"))
                .resolve(context.getRequiredTestClass().getSimpleName())
                .toAbsolutePath();
        deleteRecursively(workDir);
        cluster = LocalCluster.start(workDir, settings.get());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (cluster != null) {
            System.out.println(cluster.podLogs());
        }
    }

    public LocalCluster cluster() {
        return cluster;
    }

    public KubernetesClient client() {
        return cluster.client();
    }

    public void createNamespace(String name) {
        cluster.createNamespace(name);
    }

    public List<HasMetadata> apply(String yaml) {
        return cluster.apply(yaml);
    }

    /** Applies a YAML file from the test class path after replacing each {@code ${KEY}}. */
    public List<HasMetadata> applyResource(String path, Map<String, String> values) {
        return cluster.apply(fill(resource(path), values));
    }

    public void createConfigMap(String namespace, String name, Map<String, String> data) {
        cluster.createConfigMap(namespace, name, data);
    }

    /** Creates ConfigMap {@code name} holding the agent code of the test resource {@code path}, as a user brings code. */
    public void createAgentCode(String namespace, String name, String path) {
        createConfigMap(namespace, name, Map.of(AgentFiles.CODE_FILE, resource(path)));
    }

    /** As {@link #createAgentCode(String, String, String)}, each {@code ${KEY}} of the code replaced by its value. */
    public void createAgentCode(String namespace, String name, String path, Map<String, String> values) {
        createConfigMap(namespace, name, Map.of(AgentFiles.CODE_FILE, fill(resource(path), values)));
    }

    public String triggerCronJob(String namespace, String cronJob) {
        return cluster.triggerCronJob(namespace, cronJob);
    }

    public int servicePort(String namespace, String service, int port) {
        return cluster.servicePort(namespace, service, port);
    }

    public Path claimDir(String namespace, String claim) {
        return cluster.claimDir(namespace, claim);
    }

    /** The agent's status; null before the operator wrote one, or when there is no such agent. */
    public LanguageAgentStatus agentStatus(String namespace, String agent) {
        LanguageAgent current = cluster.client()
                .resources(LanguageAgent.class)
                .inNamespace(namespace)
                .withName(agent)
                .get();
        return current == null ? null : current.getStatus();
    }

    /** The agent's phase; null before the operator wrote a status. */
    public AgentPhase agentPhase(String namespace, String agent) {
        LanguageAgentStatus status = agentStatus(namespace, agent);
        return status == null ? null : status.getPhase();
    }

    public String podLogs() {
        return cluster.podLogs();
    }

    /**
     * Waits until the operator created the CronJob, fires it once and waits for the Job to finish.
     *
     * @return the finished Job
     */
    public Job runCronJobOnce(String namespace, String cronJob) {
        KubernetesClient client = cluster.client();
        await("CronJob " + cronJob)
                .atMost(Duration.ofSeconds(30))
                .until(() -> client.batch()
                                .v1()
                                .cronjobs()
                                .inNamespace(namespace)
                                .withName(cronJob)
                                .get()
                        != null);
        String name = cluster.triggerCronJob(namespace, cronJob);
        await("Job " + name + " finished")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> outcome(client.batch()
                                .v1()
                                .jobs()
                                .inNamespace(namespace)
                                .withName(name)
                                .get())
                        != null);
        return client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
    }

    /** {@code Complete} or {@code Failed} once a Job finished, else null. */
    public static String outcome(Job job) {
        return LocalCluster.outcome(job);
    }

    /** A text file from the test class path. */
    public static String resource(String path) {
        try (var in = LocalClusterExtension.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces each {@code ${KEY}}; a placeholder left without a value is an error, not a silent blank. */
    public static String fill(String text, Map<String, String> values) {
        String filled = text;
        for (var value : values.entrySet()) {
            filled = filled.replace("${" + value.getKey() + "}", value.getValue());
        }
        var left = java.util.regex.Pattern.compile("\\$\\{[A-Z_]+}").matcher(filled);
        if (left.find()) {
            throw new IllegalArgumentException("no value for " + left.group());
        }
        return filled;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
