package io.langop.operator.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.tool.DeploymentMode;
import io.langop.operator.OperatorSettings;
import io.langop.operator.agent.Fixtures;
import io.langop.operator.harness.ApiRequests;
import io.langop.operator.harness.OperatorHarness;
import io.langop.operator.kube.Conditions;
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
 * <p>Run with {@code bench/operator/run.sh [agents] [idle-seconds] [shared]}.
 */
public final class ConvergenceBenchmark {

    private static final String BENCH_AGENT = "langop-bench";
    private static final String NS = "bench";
    private static final int CREATORS = 8;

    public static void main(String[] args) throws Exception {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int shared = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int dependencies = shared > 0 ? Math.min(shared, agents) : agents;

        try (OperatorHarness operator = OperatorHarness.start(OperatorSettings.defaults(), host -> {
            throw new UnknownHostException(host);
        })) {
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
