package io.langop.local;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.FieldValidateable;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.javaoperatorsdk.operator.Operator;
import io.langop.api.v1alpha1.LangopApi;
import io.langop.local.kube.ApiGateway;
import io.langop.local.kube.GarbageCollector;
import io.langop.operator.LangopOperator;
import io.langop.operator.OperatorSettings;
import io.langop.operator.crd.CrdInstaller;
import io.langop.operator.egress.HostResolver;
import io.langop.operator.reach.ServiceLocator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A cluster without a cluster: the fabric8 mock API server in CRUD mode on a loopback socket with
 * the langop.io CRDs, the real operator in this JVM against it, and the {@link PodRunner} playing
 * kubelet for the Deployments, Jobs and CronJob ticks the operator creates. Used by {@code langop
 * local} and by the end-to-end suites of langop-it.
 */
public final class LocalCluster implements AutoCloseable {

    private static final int LOG_TAIL_LINES = 120;

    private final KubernetesMockServer apiServer;
    private final KubernetesClient client;
    /** Writes as a user's would reach a cluster: through the gateway, so the CRDs' schemas admit them. */
    private final KubernetesClient userClient;

    /** Makes an operator as the first one was made: for {@link #startOperator} after {@link #stopOperator}. */
    private final Supplier<Operator> newOperator;

    private Operator operator;
    private final PodRunner pods;
    private final ApiGateway gateway;
    private final GarbageCollector garbageCollector;

    private LocalCluster(
            KubernetesMockServer apiServer,
            KubernetesClient client,
            Supplier<Operator> newOperator,
            Operator operator,
            PodRunner pods,
            ApiGateway gateway,
            GarbageCollector garbageCollector) {
        this.apiServer = apiServer;
        this.client = client;
        this.newOperator = newOperator;
        this.operator = operator;
        this.pods = pods;
        this.gateway = gateway;
        this.garbageCollector = garbageCollector;
        this.userClient = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(client.getConfiguration())
                        .withMasterUrl(gateway.url())
                        .build())
                .build();
    }

    /**
     * Starts the API server, installs the CRDs, starts the operator with {@code settings} and the pod
     * runner; everything the pods write goes under {@code workDir}; what happens to pods goes to
     * {@code podListener} too.
     */
    public static LocalCluster start(Path workDir, OperatorSettings settings, PodListener podListener) {
        return start(workDir, settings, podListener, EnvironmentOverrides.NONE);
    }

    /** As {@link #start(Path, OperatorSettings, PodListener)}, with {@code overrides} in every container's environment. */
    public static LocalCluster start(
            Path workDir, OperatorSettings settings, PodListener podListener, EnvironmentOverrides overrides) {
        createDirectories(workDir);
        // the mock server logs every request at INFO through java.util.logging
        java.util.logging.Logger.getLogger("io.fabric8.mockwebserver").setLevel(java.util.logging.Level.WARNING);
        KubernetesMockServer apiServer = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        apiServer.init();
        KubernetesClient client = apiServer.createClient();
        PodRunner pods = null;
        Operator operator = null;
        ApiGateway gateway = null;
        try {
            new CrdInstaller(client).install();
            pods = new PodRunner(client, workDir, podListener, overrides);
            // the operator reaches Services as the pods do: through the runner's loopback ports
            PodRunner runner = pods;
            ServiceLocator services = (namespace, service, port) ->
                    URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                            + runner.servicePort(namespace, service, port));
            Supplier<Operator> newOperator = () -> LangopOperator.create(
                    client, settings, new SimpleMeterRegistry(), null, HostResolver.SYSTEM, services);
            operator = newOperator.get();
            operator.start();
            gateway = ApiGateway.start(client, pods, pods::servicePort);
            return new LocalCluster(
                    apiServer,
                    client,
                    newOperator,
                    operator,
                    pods,
                    gateway,
                    GarbageCollector.start(client, LangopApi.API_VERSION));
        } catch (RuntimeException failed) {
            if (gateway != null) {
                gateway.close();
            }
            if (pods != null) {
                pods.close();
            }
            if (operator != null) {
                operator.stop();
            }
            client.close();
            apiServer.destroy();
            throw failed;
        }
    }

    public static LocalCluster start(Path workDir, OperatorSettings settings) {
        return start(workDir, settings, PodListener.NONE);
    }

    /**
     * Stops the operator as a crashed or replaced operator process stops, in the middle of whatever it does; the API
     * server and the pods keep running. {@link #startOperator} starts a new one.
     */
    public synchronized void stopOperator() {
        if (operator != null) {
            operator.stop();
            operator = null;
        }
    }

    /** Starts a new operator after {@link #stopOperator}, as a restarted operator process starts: from what it lists. */
    public synchronized void startOperator() {
        if (operator == null) {
            Operator started = newOperator.get();
            started.start();
            operator = started;
        }
    }

    public KubernetesClient client() {
        return client;
    }

    /** The URL of the in-memory store the operator talks to. */
    public String apiServerUrl() {
        return client.getMasterUrl().toString();
    }

    /** The URL kubectl talks to: the store behind discovery, Tables, HTTP watches and the rest kubectl needs. */
    public String kubectlUrl() {
        return gateway.url();
    }

    public void createNamespace(String name) {
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .build())
                .createOr(NonDeletingOperation::update);
    }

    /** Creates or updates every object of a YAML stream, as {@code kubectl apply} would. */
    public List<HasMetadata> apply(String yaml) {
        return apply(client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
                .items());
    }

    /**
     * Creates or updates each object, in order, as {@code kubectl apply} would: through the API server's admission, so
     * an object its CRD refuses (a field not supported yet, a misspelt field, a value out of range) is refused here
     * with the API server's message instead of reaching the operator.
     */
    public List<HasMetadata> apply(List<HasMetadata> resources) {
        return resources.stream()
                .map(resource -> userClient
                        .resource(resource)
                        .fieldValidation(FieldValidateable.Validation.STRICT)
                        .createOr(NonDeletingOperation::update))
                .toList();
    }

    public void createConfigMap(String namespace, String name, Map<String, String> data) {
        client.resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(namespace)
                        .endMetadata()
                        .withData(data)
                        .build())
                .createOr(NonDeletingOperation::update);
    }

    /** Fires a CronJob now and returns the name of the Job it created. */
    public String triggerCronJob(String namespace, String cronJob) {
        return pods.trigger(namespace, cronJob);
    }

    /**
     * The loopback port standing for {@code <service>.<namespace>:<port>}, as a client in the cluster
     * reaches it: each connection goes to a ready pod the Service selects.
     */
    public int servicePort(String namespace, String service, int port) {
        return pods.servicePort(namespace, service, port);
    }

    /** {@code Complete} or {@code Failed} once a Job finished, else null. */
    public static String outcome(Job job) {
        if (job == null || job.getStatus() == null || job.getStatus().getConditions() == null) {
            return null;
        }
        return job.getStatus().getConditions().stream()
                .filter(c -> ("Complete".equals(c.getType()) || "Failed".equals(c.getType()))
                        && "True".equals(c.getStatus()))
                .map(JobCondition::getType)
                .findFirst()
                .orElse(null);
    }

    /** What the pods wrote into a persistent volume claim, e.g. {@code <agent>-workspace}. */
    public Path claimDir(String namespace, String claim) {
        return pods.claimDir(namespace, claim);
    }

    /** Directory of the persistent volume claims, one directory per namespace and claim. */
    public Path claimsRoot() {
        return pods.claimsRoot();
    }

    /** Directory of every pod that ran, with {@code pod.log} and one log per container. */
    public Path podsDir() {
        return pods.podsDir();
    }

    /** The tail of every pod's event log and container logs. */
    public String podLogs() {
        StringBuilder out = new StringBuilder("\n===== pod logs under ")
                .append(pods.podsDir())
                .append(" =====\n");
        if (!Files.isDirectory(pods.podsDir())) {
            return out.append("(no pod ran)\n").toString();
        }
        try (Stream<Path> files = Files.walk(pods.podsDir())) {
            for (Path log : files.filter(file -> file.toString().endsWith(".log"))
                    .sorted()
                    .toList()) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                out.append("----- ")
                        .append(pods.podsDir().relativize(log))
                        .append(" (last ")
                        .append(Math.min(lines.size(), LOG_TAIL_LINES))
                        .append(" of ")
                        .append(lines.size())
                        .append(" lines) -----\n");
                lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size())
                        .forEach(line -> out.append(line).append('\n'));
            }
        } catch (IOException e) {
            out.append("cannot read the logs: ").append(e).append('\n');
        }
        return out.toString();
    }

    /** Stops every pod, then the operator, then the API server. */
    @Override
    public void close() {
        userClient.close();
        gateway.close();
        garbageCollector.close();
        pods.close();
        stopOperator();
        client.close();
        apiServer.destroy();
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
