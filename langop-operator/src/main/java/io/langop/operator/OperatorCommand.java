package io.langop.operator;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.langop.operator.crd.CrdInstaller;
import io.langop.operator.egress.HostResolver;
import io.langop.operator.monitoring.Scraping;
import io.langop.operator.reach.ServiceReach;
import io.langop.operator.synthesis.SynthesisModelOptions;
import io.langop.operator.synthesis.SynthesisSettings;
import io.langop.server.ServiceServer;
import io.langop.server.metrics.MeterRegistries;
import io.langop.server.telemetry.Telemetry;
import io.langop.wire.ServiceWire;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The operator process: connects to the cluster of the current kubeconfig context (or the
 * in-cluster service account), optionally installs the CRDs, reconciles the langop.io kinds and
 * serves {@code /healthz}, {@code /readyz} and {@code /metrics} until SIGTERM.
 */
@Command(
        name = "langop-operator",
        mixinStandardHelpOptions = true,
        description = "Reconciles LanguageCluster, LanguageModel, LanguageTool, LanguagePersona, "
                + "LanguageAgent and LanguageClient resources.")
public final class OperatorCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorCommand.class);
    static final int EXIT_NO_CLUSTER = 2;

    @Option(
            names = "--namespaces",
            split = ",",
            paramLabel = "NS",
            description = "Namespaces to watch, comma separated; default: all namespaces.")
    List<String> namespaces = List.of();

    @Option(names = "--install-crds", description = "Create or update the langop.io CRDs before reconciling.")
    boolean installCrds;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "Port of /healthz, /readyz and /metrics (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--bind-address",
            paramLabel = "IP",
            defaultValue = "${env:" + ServiceWire.BIND_ADDRESS_ENV + "}",
            description = "The one IP address that port listens on, such as 127.0.0.1; default: every interface"
                    + " (env " + ServiceWire.BIND_ADDRESS_ENV + ").")
    String bindAddress;

    @Option(
            names = "--leader-election",
            description = "Reconcile only while holding the lease, so several replicas can run.")
    boolean leaderElection;

    @Option(
            names = "--leader-election-namespace",
            paramLabel = "NS",
            description = "Namespace of the lease; default: the namespace the operator runs in.")
    String leaseNamespace;

    @Option(
            names = "--leader-election-lease",
            defaultValue = "langop-operator",
            description = "Name of the lease (default: ${DEFAULT-VALUE}).")
    String leaseName;

    @Option(
            names = "--dns-refresh",
            defaultValue = "PT5M",
            converter = DurationConverter.class,
            description = "How often DNS names in egress rules are resolved again, e.g. 5m, 30s " + "(default: 5m).")
    Duration dnsRefresh;

    @Option(
            names = "--usage-interval",
            defaultValue = "PT1M",
            converter = DurationConverter.class,
            description = "How often every model proxy's usage is read into the status of agents, models and "
                    + "clusters: at most one status write each per interval, none when nothing changed (default: 1m).")
    Duration usageInterval;

    @Option(
            names = "--crd-established-timeout",
            defaultValue = "PT60S",
            converter = DurationConverter.class,
            description =
                    "With --install-crds: how long to wait for the API server to serve the CRDs " + "(default: 60s).")
    Duration crdEstablishedTimeout;

    @Option(
            names = "--model-proxy-image",
            defaultValue = OperatorSettings.DEFAULT_MODEL_PROXY_IMAGE,
            description = "Image serving each LanguageModel (default: ${DEFAULT-VALUE}).")
    String modelProxyImage;

    @Option(
            names = "--dashboard-by-default",
            description = "Run the dashboard of every LanguageCluster whose spec.dashboard.enabled is unset (a"
                    + " cluster's own true or false still decides for it).")
    boolean dashboardByDefault;

    @Option(
            names = "--proxy-service-monitors",
            description = "Make a Prometheus Operator ServiceMonitor for each LanguageModel's proxy, with the model's"
                    + " key Secret <model>-model-key as bearer token, where that operator's CRD is installed.")
    boolean proxyServiceMonitors;

    @Option(
            names = "--service-monitor-label",
            paramLabel = "KEY=VALUE",
            description = "A label of those ServiceMonitors, such as the one your Prometheus selects monitors by;"
                    + " repeatable.")
    Map<String, String> serviceMonitorLabels = Map.of();

    @Option(
            names = "--scraper-namespace-label",
            paramLabel = "KEY=VALUE",
            description = "A label of the namespace Prometheus runs in, such as kubernetes.io/metadata.name=monitoring:"
                    + " isolated LanguageClusters let its pods in to the ports components serve /metrics on;"
                    + " repeatable. None: they let no one in from outside the cluster.")
    Map<String, String> scraperNamespaceLabels = Map.of();

    @Option(
            names = "--scraper-pod-label",
            paramLabel = "KEY=VALUE",
            description = "A label of Prometheus's pods in that namespace; repeatable. None: every pod of it.")
    Map<String, String> scraperPodLabels = Map.of();

    @Option(
            names = "--reconcile-threads",
            defaultValue = "" + OperatorSettings.DEFAULT_RECONCILE_THREADS,
            description = "Reconciles running at the same time (default: ${DEFAULT-VALUE}).")
    int reconcileThreads;

    @Option(
            names = "--reach-services",
            defaultValue = "auto",
            converter = ServiceReachConverter.class,
            description = "How the operator reaches tool servers (to list their tools) and model proxies (that write"
                    + " agents): cluster-dns (in the cluster), api-server-proxy (from outside it, through the API"
                    + " server's service proxy, as kubectl proxy does), auto: cluster-dns in a pod, else"
                    + " api-server-proxy (default: ${DEFAULT-VALUE}).")
    ServiceReach reachServices;

    @Mixin
    SynthesisModelOptions synthesis;

    @Option(
            names = "--synthesis-repair-rounds",
            defaultValue = "" + SynthesisSettings.DEFAULT_REPAIR_ROUNDS,
            description = "Rounds in which compile and policy errors go back to the LLM (default: ${DEFAULT-VALUE}).")
    int synthesisRepairRounds;

    @Option(
            names = "--synthesis-namespace-budget",
            defaultValue = "" + SynthesisSettings.DEFAULT_NAMESPACE_BURST,
            description = "Syntheses a namespace may start at once; one more is earned every "
                    + "--synthesis-namespace-refill (default: ${DEFAULT-VALUE}).")
    int synthesisNamespaceBudget;

    @Option(
            names = "--synthesis-namespace-refill",
            defaultValue = "PT1M",
            converter = DurationConverter.class,
            description = "Time in which a namespace earns one more synthesis (default: 1m).")
    Duration synthesisNamespaceRefill;

    @Option(
            names = "--synthesis-retry",
            defaultValue = "PT10S",
            converter = DurationConverter.class,
            description = "Wait after the synthesis LLM first fails, doubled per failure up to 10m (default: 10s).")
    Duration synthesisRetry;

    @Option(
            names = "--synthesis-timeout",
            defaultValue = "PT2M",
            converter = DurationConverter.class,
            description = "How long one answer of the synthesis LLM may take (default: 2m).")
    Duration synthesisTimeout;

    public static void main(String[] args) {
        System.exit(new CommandLine(new OperatorCommand()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        Running running;
        try {
            running = start();
        } catch (NoClusterException e) {
            System.err.println("langop-operator: " + e.getMessage());
            return EXIT_NO_CLUSTER;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        Thread.ofPlatform().name("langop-operator-shutdown").unstarted(() -> {
                            running.close();
                            stopped.countDown();
                        }));
        stopped.await();
        return 0;
    }

    /** The started operator: reconciling, and answering health, readiness and metrics on {@link #server()}. */
    public record Running(
            KubernetesClient client,
            Operator operator,
            ServiceServer server,
            ServiceReach.OpenLocator services,
            Telemetry telemetry)
            implements AutoCloseable {
        /**
         * Stops reconciling first so in-flight reconciles finish, then stops answering probes, then exports the
         * spans of the last reconciles.
         */
        @Override
        public void close() {
            operator.stop();
            services.close();
            server.close();
            client.close();
            telemetry.close();
        }
    }

    static final class NoClusterException extends Exception {
        NoClusterException(String message) {
            super(message);
        }
    }

    /** Connects, installs the CRDs when asked, starts the operator and its health and metrics server. */
    Running start() throws NoClusterException {
        OperatorSettings settings = new OperatorSettings(
                new LinkedHashSet<>(namespaces),
                dnsRefresh,
                modelProxyImage,
                reconcileThreads,
                synthesisSettings(),
                usageInterval,
                dashboardByDefault,
                new Scraping(proxyServiceMonitors, serviceMonitorLabels, scraperNamespaceLabels, scraperPodLabels));
        Config config = new ConfigBuilder(Config.autoConfigure(null)).build();
        String unreachable = ClusterProbe.unreachableReason(config);
        if (unreachable != null) {
            throw new NoClusterException(unreachable);
        }

        KubernetesClient client =
                new KubernetesClientBuilder().withConfig(config).build();
        if (installCrds) {
            CrdInstaller installer = new CrdInstaller(client);
            var crds = installer.install();
            try {
                installer.awaitEstablished(crds, crdEstablishedTimeout);
            } catch (KubernetesClientTimeoutException e) {
                // the informers retry until the API server serves the kinds; nothing is lost by going on
                LOG.warn("the langop.io CRDs are not established after {}; starting anyway", crdEstablishedTimeout);
            }
        }

        Telemetry telemetry = Telemetry.start("langop-operator");
        PrometheusMeterRegistry registry = MeterRegistries.prometheus();
        ServiceReach.OpenLocator services = reachServices.open(client, System.getenv());
        Operator operator = LangopOperator.create(
                client, settings, registry, leaderElection(client), HostResolver.SYSTEM, services.locator());
        ServiceServer server = ServiceServer.builder("langop-operator")
                .port(port)
                .bindAddress(ServiceServer.bindAddressFrom(bindAddress))
                .meterRegistry(registry)
                // ready once every informer has synced and keeps its watch
                .readiness(() -> operator.getRuntimeInfo().isStarted()
                        && operator.getRuntimeInfo().allEventSourcesAreHealthy())
                .start();
        Running running = new Running(client, operator, server, services, telemetry);
        operator.start();
        LOG.info(
                "langop-operator watching {}",
                settings.namespaces().isEmpty() ? "all namespaces" : settings.namespaces());
        return running;
    }

    SynthesisSettings synthesisSettings() {
        return synthesis.applyTo(new SynthesisSettings(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                synthesisRepairRounds,
                synthesisNamespaceBudget,
                synthesisNamespaceRefill,
                synthesisRetry,
                synthesisTimeout,
                SynthesisSettings.DEFAULT_CONCURRENT_RUNS));
    }

    private LeaderElectionConfiguration leaderElection(KubernetesClient client) {
        if (!leaderElection) {
            return null;
        }
        String namespace = leaseNamespace != null ? leaseNamespace : client.getNamespace();
        return new LeaderElectionConfiguration(leaseName, namespace);
    }

    static final class ServiceReachConverter implements CommandLine.ITypeConverter<ServiceReach> {
        @Override
        public ServiceReach convert(String value) {
            try {
                return ServiceReach.parse(value);
            } catch (IllegalArgumentException unknown) {
                throw new CommandLine.TypeConversionException(unknown.getMessage());
            }
        }
    }

    /** Accepts Kubernetes-style durations ({@code 30s}, {@code 5m}, {@code 1h}) and ISO-8601. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim();
            if (v.matches("\\d+(ms|s|m|h)")) {
                long amount = Long.parseLong(v.replaceAll("\\D", ""));
                return switch (v.replaceAll("\\d", "")) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            }
            try {
                return Duration.parse(v);
            } catch (RuntimeException e) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not a duration such as 30s, 5m or 1h");
            }
        }
    }
}
