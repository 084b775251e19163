package io.langop.operator.bench;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.impl.DefaultSharedIndexInformer;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.operator.OperatorSettings;
import io.langop.operator.agent.Fixtures;
import io.langop.operator.harness.ApiRequests;
import io.langop.operator.harness.MockApiServer;
import io.langop.operator.harness.OperatorExtension;
import io.langop.operator.harness.OperatorHarness;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Scanner;
import javax.management.ObjectName;

/**
 * N event-driven agents whose {@code kubernetes-event} trigger watches the same ConfigMap, against the in-process API
 * server: prints the watch requests the server received for that ConfigMap and the watches open on it once every
 * agent's trigger watches, the informers and heap the operator took to start the N forwardings, and how soon no watch is
 * open once the agents are deleted.
 *
 * <p>The heap figure is the used heap after a full GC with every forwarding started, less the same before any started
 * (the agents exist, their Deployments are not available yet), each once the operator stopped writing: the informers with their cached copies and threads, and
 * each agent's forwarding (its state, queue and delivery thread), which is the same with and without shared watches.
 *
 * <p>Run with {@code bench/triggers/watches.sh [agents=50] [configmap-KiB=64]}.
 */
public final class SharedWatchBenchmark {

    private static final String NS = "bench";
    private static final String WATCHED = "settings";
    private static final Duration QUIET = Duration.ofSeconds(2);

    public static void main(String[] args) throws Exception {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int kib = args.length > 1 ? Integer.parseInt(args[1]) : 64;

        MockApiServer api = MockApiServer.start();
        try (OperatorHarness operator =
                OperatorHarness.start(api, OperatorSettings.defaults(), OperatorExtension.NOTHING_RESOLVES)) {
            KubernetesClient client = api.client();
            ApiRequests requests = api.requests();
            client.resource(Fixtures.model(NS, "m")).create();
            client.resource(new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName(WATCHED)
                            .withNamespace(NS)
                            .endMetadata()
                            .withData(Map.of("payload", "x".repeat(kib * 1024)))
                            .build())
                    .create();
            List<LanguageAgent> created = new ArrayList<>();
            for (int i = 0; i < agents; i++) {
                LanguageAgent agent = Fixtures.configMapWatcher(NS, "agent-" + i, "m", WATCHED);
                client.resource(agent).create();
                created.add(agent);
            }
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> client.apps().deployments().inNamespace(NS).list().getItems().stream()
                                    .filter(deployment ->
                                            deployment.getMetadata().getName().endsWith("-agent"))
                                    .count()
                            == agents);
            await().atMost(Duration.ofMinutes(2)).until(() -> requests.noWritesFor(QUIET));
            long before = usedHeapAfterGc();
            long informersBefore = informers();

            int mark = requests.mark();
            long started = System.nanoTime();
            for (LanguageAgent agent : created) {
                Fixtures.markAvailable(client, NS, agent.getMetadata().getName() + "-agent");
            }
            // each forwarding writes its <agent>-triggers once its watch has listed
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> client.configMaps().inNamespace(NS).list().getItems().stream()
                                    .filter(map -> map.getMetadata().getName().endsWith("-triggers"))
                                    .count()
                            == agents);
            double watching = (System.nanoTime() - started) / 1e9;
            await().atMost(Duration.ofMinutes(2)).until(() -> requests.noWritesFor(QUIET));
            long after = usedHeapAfterGc();
            long informersAfter = informers();
            long watchRequests = requests.since(mark).stream()
                    .filter(ApiRequests.Request::isWatch)
                    .map(ApiRequests.Request::path)
                    .filter(SharedWatchBenchmark::watchesTheConfigMap)
                    .count();
            long open = requests.openWatches().stream()
                    .filter(SharedWatchBenchmark::watchesTheConfigMap)
                    .count();

            for (LanguageAgent agent : created) {
                client.resource(agent).delete();
            }
            long stopping = System.nanoTime();
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> requests.openWatches().stream().noneMatch(SharedWatchBenchmark::watchesTheConfigMap));
            double closed = (System.nanoTime() - stopping) / 1e9;

            System.out.printf(
                    Locale.ROOT,
                    "%d agents watching one ConfigMap of %d KiB:%n"
                            + "  every trigger watching after %.1f s%n"
                            + "  watch requests for it: %d, open: %d%n"
                            + "  informers the operator holds: %d more%n"
                            + "  heap the forwardings took: %.1f MiB (%.0f KiB per agent)%n"
                            + "  no watch of it open %.1f s after the agents were deleted%n",
                    agents,
                    kib,
                    watching,
                    watchRequests,
                    open,
                    informersAfter - informersBefore,
                    (after - before) / 1048576.0,
                    (after - before) / 1024.0 / agents,
                    closed);
        }
    }

    private static boolean watchesTheConfigMap(String path) {
        return path.startsWith("/api/v1/namespaces/" + NS + "/configmaps?")
                && path.contains("fieldSelector=metadata.name%3D" + WATCHED + "&");
    }

    /** The least of three readings of the used heap, each after a full GC: what is held, not what is in flight. */
    private static long usedHeapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    /** fabric8 informers alive in this JVM, from the class histogram (what {@code jcmd GC.class_histogram} prints). */
    private static long informers() throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram",
                        new Object[] {new String[0]},
                        new String[] {String[].class.getName()});
        return histogram
                .lines()
                .filter(line -> line.endsWith(" " + DefaultSharedIndexInformer.class.getName()))
                .mapToLong(line -> new Scanner(line).skip("\\s*\\d+:").nextLong())
                .sum();
    }
}
