package io.langop.it.harness;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.javaoperatorsdk.operator.Operator;
import io.langop.operator.LangopOperator;
import io.langop.operator.OperatorSettings;
import io.langop.operator.crd.CrdInstaller;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * A cluster without a cluster, for one test class: the fabric8 mock API server in CRUD mode with
 * the langop.io CRDs, the real operator in-process against it, and the {@link PodRunner} playing
 * kubelet for the Deployments, Jobs and CronJob ticks the operator creates. When a test fails, the
 * log of every pod and container is printed. Register it with {@code @RegisterExtension static}.
 */
public final class LocalCluster implements BeforeAllCallback, AfterAllCallback, TestWatcher {

  private static final int LOG_TAIL_LINES = 120;

  private KubernetesMockServer apiServer;
  private KubernetesClient client;
  private Operator operator;
  private PodRunner pods;
  private Path workDir;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    workDir = Path.of(System.getProperty("langop.it.work", "target/it-work"))
        .resolve(context.getRequiredTestClass().getSimpleName()).toAbsolutePath();
    deleteRecursively(workDir);
    Files.createDirectories(workDir);
    // the mock server logs every request at INFO through java.util.logging
    java.util.logging.Logger.getLogger("io.fabric8.mockwebserver").setLevel(java.util.logging.Level.WARNING);
    apiServer = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(), false);
    apiServer.init();
    client = apiServer.createClient();
    new CrdInstaller(client).install();
    operator = LangopOperator.create(client, OperatorSettings.defaults(), new SimpleMeterRegistry(), null);
    operator.start();
    pods = new PodRunner(client, workDir);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (pods != null) {
      pods.close();
    }
    if (operator != null) {
      operator.stop();
    }
    if (client != null) {
      client.close();
    }
    if (apiServer != null) {
      apiServer.destroy();
    }
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    System.out.println(podLogs());
  }

  public KubernetesClient client() {
    return client;
  }

  public void createNamespace(String name) {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
  }

  /** Creates or updates every object of a YAML stream, as {@code kubectl apply} would. */
  public List<HasMetadata> apply(String yaml) {
    List<HasMetadata> resources = client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
    return resources.stream()
        .map(resource -> client.resource(resource).createOr(NonDeletingOperation::update))
        .toList();
  }

  /** Applies a YAML file from the test class path after replacing each {@code ${KEY}}. */
  public List<HasMetadata> applyResource(String path, Map<String, String> values) {
    return apply(fill(resource(path), values));
  }

  public void createConfigMap(String namespace, String name, Map<String, String> data) {
    client.resource(new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .withData(data).build()).createOr(NonDeletingOperation::update);
  }

  /** Fires a CronJob now and returns the name of the Job it created. */
  public String triggerCronJob(String namespace, String cronJob) {
    return pods.trigger(namespace, cronJob);
  }

  /**
   * Like {@code kubectl port-forward deployment/<name> <port>}: the loopback port of a ready pod of
   * the Deployment; fails when none is ready.
   */
  public int portForward(String namespace, String deployment, int port) {
    return pods.forward(namespace, deployment, port).orElseThrow(() -> new IllegalStateException(
        "Deployment " + namespace + "/" + deployment + " has no ready pod"));
  }

  /**
   * Waits until the operator created the CronJob, fires it once and waits for the Job to finish.
   *
   * @return the finished Job
   */
  public Job runCronJobOnce(String namespace, String cronJob) {
    await("CronJob " + cronJob).atMost(Duration.ofSeconds(30))
        .until(() -> client.batch().v1().cronjobs().inNamespace(namespace).withName(cronJob).get() != null);
    String name = pods.trigger(namespace, cronJob);
    await("Job " + name + " finished").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
        .until(() -> outcome(client.batch().v1().jobs().inNamespace(namespace).withName(name).get()) != null);
    return client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
  }

  /** {@code Complete} or {@code Failed} once a Job finished, else null. */
  public static String outcome(Job job) {
    if (job == null || job.getStatus() == null || job.getStatus().getConditions() == null) {
      return null;
    }
    return job.getStatus().getConditions().stream()
        .filter(c -> ("Complete".equals(c.getType()) || "Failed".equals(c.getType())) && "True".equals(c.getStatus()))
        .map(JobCondition::getType)
        .findFirst().orElse(null);
  }

  /** What the pods wrote into a persistent volume claim, e.g. {@code <agent>-workspace}. */
  public Path claimDir(String namespace, String claim) {
    return pods.claimDir(namespace, claim);
  }

  /** The tail of every pod's event log and container logs. */
  public String podLogs() {
    StringBuilder out = new StringBuilder("\n===== pod logs under ").append(pods.podsDir()).append(" =====\n");
    if (!Files.isDirectory(pods.podsDir())) {
      return out.append("(no pod ran)\n").toString();
    }
    try (Stream<Path> files = Files.walk(pods.podsDir())) {
      for (Path log : files.filter(file -> file.toString().endsWith(".log")).sorted().toList()) {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        out.append("----- ").append(pods.podsDir().relativize(log)).append(" (last ")
            .append(Math.min(lines.size(), LOG_TAIL_LINES)).append(" of ").append(lines.size()).append(" lines) -----\n");
        lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()).forEach(line -> out.append(line).append('\n'));
      }
    } catch (IOException e) {
      out.append("cannot read the logs: ").append(e).append('\n');
    }
    return out.toString();
  }

  /** A text file from the test class path. */
  public static String resource(String path) {
    try (var in = LocalCluster.class.getClassLoader().getResourceAsStream(path)) {
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
