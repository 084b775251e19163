package io.langop.operator.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.tool.DeploymentMode;
import io.langop.operator.OperatorSettings;
import io.langop.operator.agent.Fixtures;
import io.langop.operator.harness.ApiRequests;
import io.langop.operator.harness.MockApiServer;
import io.langop.operator.harness.OperatorHarness;
import io.langop.operator.harness.UsageProxies;
import io.langop.operator.kube.Conditions;
import io.langop.proxy.report.UsageReport;
import java.math.BigDecimal;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Creates N LanguageAgents against the in-process API server (the fabric8 mock server with the
 * harness's indexed store) and prints: seconds until every agent has its workload and resolved
 * references and the operator stopped writing; the operator's API requests per agent (all
 * controllers, and per resource type); its write requests during an idle period.
 *
 * <p>Each agent has its own LanguageModel and service-mode LanguageTool, or, with a third argument
 * M &gt; 0, the agents share M models and M tools (agent i uses model and tool i mod M), so the
 * requests per agent are nearly the agent controller's own.
 *
 * <p>Then, with usage: every model proxy's {@code /usage} (a stand-in on loopback, {@link UsageProxies}) reports
 * new figures for all of its agents before every read, for {@code usage-seconds}, and the status writes per agent
 * per usage interval are counted (at most 1: a cluster reads every minute, so that is the writes per agent per
 * minute); then the figures stop changing and the writes are counted again (0).
 *
 * <p>Run with {@code bench/operator/run.sh [agents] [idle-seconds] [shared] [usage-seconds]}.
 */
public final class ConvergenceBenchmark {

    private static final String BENCH_AGENT = "langop-bench";
    private static final String NS = "bench";
    private static final int CREATORS = 8;
    /** The usage interval of the run: short, so that a run sees many; a cluster reads every minute. */
    private static final Duration USAGE_INTERVAL = Duration.ofSeconds(2);

    public static void main(String[] args) throws Exception {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int shared = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int usageSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int dependencies = shared > 0 ? Math.min(shared, agents) : agents;

        MockApiServer api = MockApiServer.start();
        UsageFeed feed = new UsageFeed(agents, dependencies);
        try (UsageProxies proxies = UsageProxies.start(api.newClient(BENCH_AGENT));
                OperatorHarness operator = OperatorHarness.start(
                        api,
                        OperatorSettings.defaults().withUsageInterval(USAGE_INTERVAL),
                        host -> {
                            throw new UnknownHostException(host);
                        },
                        proxies.services())) {
            // every proxy answers from the start, with figures that do not change until the usage phase
            feed.publish(proxies, 0);
            ApiRequests requests = operator.api().requests();
            KubernetesClient bench = operator.api().newClient(BENCH_AGENT);
            int startMark = requests.mark();
            long start = System.nanoTime();

            // created as kubectl apply of many files would: concurrently, models and tools before agents
            List<Callable<Object>> dependencyCreations = new ArrayList<>();
            for (int i = 0; i < dependencies; i++) {
                int n = i;
                dependencyCreations.add(
                        () -> bench.resource(Fixtures.model(NS, "model-" + n)).create());
                dependencyCreations.add(
                        () -> bench.resource(Fixtures.tool(NS, "tool-" + n, DeploymentMode.SERVICE, 8080))
                                .create());
            }
            createConcurrently(dependencyCreations);
            List<Callable<Object>> agentCreations = new ArrayList<>();
            for (int i = 0; i < agents; i++) {
                int n = i;
                int d = n % dependencies;
                agentCreations.add(() -> bench.resource(Fixtures.agent(NS, "agent-" + n, "model-" + d, "tool-" + d))
                        .create());
            }
            createConcurrently(agentCreations);
            long created = System.nanoTime();

            while (!converged(bench, agents) || !requests.noWritesFor(Duration.ofSeconds(1))) {
                Thread.sleep(250);
            }
            // the quiet second that proved convergence is not part of the time to converge
            double seconds = (System.nanoTime() - start) / 1e9 - 1.0;

            List<ApiRequests.Request> operatorRequests = requests.since(startMark).stream()
                    .filter(r -> !BENCH_AGENT.equals(r.userAgent()))
                    .toList();
            Map<String, Long> byKind = operatorRequests.stream()
                    .collect(Collectors.groupingBy(ConvergenceBenchmark::owner, TreeMap::new, Collectors.counting()));

            int idleMark = requests.mark();
            Thread.sleep(idleSeconds * 1000L);
            long idleWrites = requests.since(idleMark).stream()
                    .filter(r -> !BENCH_AGENT.equals(r.userAgent()))
                    .filter(ApiRequests.Request::isWrite)
                    .count();

            System.out.printf(
                    Locale.ROOT,
                    "agents: %d, %s%n",
                    agents,
                    shared > 0
                            ? "sharing " + dependencies + " models and " + dependencies + " tools"
                            : "each with its own model and tool");
            System.out.printf(
                    Locale.ROOT,
                    "creating the %d resources took:            %.1f s%n",
                    agents + 2 * dependencies,
                    (created - start) / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "seconds to full convergence:               %.1f s (%.1f s after the last create)%n",
                    seconds,
                    seconds - (created - start) / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "operator API requests per agent, all:      %.2f (%d, %d writes)%n",
                    operatorRequests.size() / (double) agents,
                    operatorRequests.size(),
                    operatorRequests.stream()
                            .filter(ApiRequests.Request::isWrite)
                            .count());
            byKind.forEach((kind, count) -> System.out.printf(
                    Locale.ROOT, "  ... for %-28s %.2f per agent%n", kind + ":", count / (double) agents));
            long events = byKind.getOrDefault("POST events", 0L);
            System.out.printf(
                    Locale.ROOT,
                    "operator API requests per agent, no events: %.2f%n",
                    (operatorRequests.size() - events) / (double) agents);
            System.out.printf(Locale.ROOT, "operator write requests during %d s idle:  %d%n", idleSeconds, idleWrites);

            // usage flowing: new figures for every agent before every read
            int usageMark = requests.mark();
            long usageStart = System.nanoTime();
            int round = 1;
            while (System.nanoTime() - usageStart < usageSeconds * 1_000_000_000L) {
                feed.publish(proxies, round++);
                Thread.sleep(USAGE_INTERVAL.toMillis() / 4);
            }
            double flowingIntervals = (System.nanoTime() - usageStart) / (double) USAGE_INTERVAL.toNanos();
            long flowingWrites = agentStatusWrites(requests.since(usageMark));
            // the last figures are written within an interval or two; then nothing changes
            Thread.sleep(USAGE_INTERVAL.multipliedBy(2).toMillis());
            int stillMark = requests.mark();
            Thread.sleep(usageSeconds * 1000L);
            long stillWrites = requests.since(stillMark).stream()
                    .filter(r -> !BENCH_AGENT.equals(r.userAgent()))
                    .filter(ApiRequests.Request::isWrite)
                    .count();
            System.out.printf(
                    Locale.ROOT,
                    "usage read every %d s, figures changing for %d s (%.1f intervals, %d proxy reads):%n",
                    USAGE_INTERVAL.toSeconds(),
                    usageSeconds,
                    flowingIntervals,
                    proxies.reads());
            System.out.printf(
                    Locale.ROOT,
                    "  agent status writes per agent per interval: %.2f (%d writes; target <= 1, i.e. per minute)%n",
                    flowingWrites / (double) agents / flowingIntervals,
                    flowingWrites);
            System.out.printf(
                    Locale.ROOT,
                    "operator write requests during %d s of unchanged usage: %d%n",
                    usageSeconds,
                    stillWrites);
        }
    }

    private static long agentStatusWrites(List<ApiRequests.Request> requests) {
        return requests.stream()
                .filter(r -> !BENCH_AGENT.equals(r.userAgent()))
                .filter(ApiRequests.Request::isWrite)
                .filter(r -> owner(r).equals("PATCH languageagents/status"))
                .count();
    }

    /** The figures each model's proxy reports: agent i on model i mod M, {@code round} runs of 150 tokens each. */
    private record UsageFeed(int agents, int models) {
        void publish(UsageProxies proxies, int round) {
            for (int m = 0; m < models; m++) {
                Map<String, UsageReport.Tally> clients = new TreeMap<>();
                Map<String, UsageReport.Runs> runs = new TreeMap<>();
                for (int a = m; a < agents; a += models) {
                    clients.put(NS + "/agent-" + a, tally(round));
                    runs.put(
                            NS + "/agent-" + a,
                            new UsageReport.Runs(round, round, 0, "2026-12-06T05:00:00Z", "succeeded"));
                }
                proxies.report(
                        NS,
                        "model-" + m,
                        new UsageReport(
                                "2026-12-06T04:00:00Z",
                                Map.of("model-" + m, tally((long) round * clients.size())),
                                clients,
                                runs,
                                Map.of(),
                                Map.of()));
            }
        }

        private static UsageReport.Tally tally(long requests) {
            return new UsageReport.Tally(
                    requests,
                    100 * requests,
                    50 * requests,
                    150 * requests,
                    BigDecimal.valueOf(requests).movePointLeft(3),
                    "USD",
                    0,
                    0,
                    0,
                    null,
                    null,
                    null);
        }
    }

    /** Runs {@code creations} on {@value #CREATORS} threads; a failed one fails the run. */
    private static void createConcurrently(List<Callable<Object>> creations) throws Exception {
        try (var creators = Executors.newFixedThreadPool(CREATORS)) {
            for (Future<Object> creation : creators.invokeAll(creations)) {
                creation.get();
            }
        }
    }

    private static boolean converged(KubernetesClient bench, int agents) {
        List<LanguageAgent> list =
                bench.resources(LanguageAgent.class).inNamespace(NS).list().getItems();
        return list.size() == agents
                && list.stream()
                        .allMatch(a -> a.getStatus() != null
                                && Conditions.isTrue(a.getStatus().getConditions(), Conditions.REFERENCES_RESOLVED)
                                && "WorkloadNotAvailable".equals(a.getStatus().getReason())
                                && a.getStatus().getMessage().startsWith("deployment 0/1"));
    }

    /** Method and resource type of a request, e.g. {@code POST deployments}, {@code PATCH languageagents/status}. */
    private static String owner(ApiRequests.Request request) {
        String path = request.path().replaceFirst("\\?.*$", "");
        String[] segments = path.split("/");
        int namespaces = java.util.Arrays.asList(segments).indexOf("namespaces");
        String type = namespaces >= 0 && segments.length > namespaces + 2
                ? segments[namespaces + 2]
                : segments[segments.length - 1];
        boolean status = path.endsWith("/status");
        String verb = request.isWatch() ? "WATCH" : request.method();
        return verb + " " + type + (status ? "/status" : "");
    }
}
