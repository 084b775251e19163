package io.langop.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.langop.operator.agent.LanguageAgentReconciler;
import io.langop.operator.client.LanguageClientReconciler;
import io.langop.operator.cluster.LanguageClusterReconciler;
import io.langop.operator.egress.DnsCache;
import io.langop.operator.egress.EgressRules;
import io.langop.operator.egress.HostResolver;
import io.langop.operator.egress.ServiceSelectors;
import io.langop.operator.kube.UnreadableSpecs;
import io.langop.operator.model.LanguageModelReconciler;
import io.langop.operator.persona.LanguagePersonaReconciler;
import io.langop.operator.reach.ServiceLocator;
import io.langop.operator.tool.LanguageToolReconciler;
import io.langop.operator.trace.TracedMetrics;
import io.langop.operator.usage.UsageBoard;
import io.langop.operator.usage.UsageReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;

/**
 * Assembles the operator: one JOSDK {@link Operator} with every langop.io reconciler registered.
 * Production, tests and the benchmark all start the operator through here, so they run the same
 * configuration — in particular without server-side apply (see docs/DESIGN.md).
 *
 * <p>The operator talks to the API server through a client of its own, made from the configuration of
 * the one it is given and closed when it stops: that client reads a langop.io object whose spec this
 * operator cannot read without failing ({@link UnreadableSpecs}), so every caller gets that protection.
 */
public final class LangopOperator {

    /** A proxy answers its usage from memory; one that takes longer is asked again at the next interval. */
    private static final Duration USAGE_READ_TIMEOUT = Duration.ofSeconds(5);

    private LangopOperator() {}

    /**
     * Builds the operator with its reconcilers.
     *
     * @param hostResolver resolves the host names of egress rules
     * @param services where the operator itself reaches Services: tool servers, whose tools it lists, and
     *     model proxies that write agents and whose usage it reads
     */
    public static Operator create(
            KubernetesClient client,
            OperatorSettings settings,
            MeterRegistry meterRegistry,
            LeaderElectionConfiguration leaderElection,
            HostResolver hostResolver,
            ServiceLocator services) {
        KubernetesClient operatorClient = new KubernetesClientBuilder()
                .withConfig(client.getConfiguration())
                .withKubernetesSerialization(UnreadableSpecs.serialization())
                .build();
        Operator operator = new Operator(overrider -> {
            overrider
                    .withKubernetesClient(operatorClient)
                    .withCloseClientOnStop(true)
                    .withSSABasedCreateUpdateMatchForDependentResources(false)
                    .withUseSSAToPatchPrimaryResource(false)
                    .withConcurrentReconciliationThreads(settings.reconcileThreads())
                    .withMetrics(new TracedMetrics(
                            MicrometerMetrics.newMicrometerMetricsBuilder(meterRegistry)
                                    .notCollectingMetricsPerResource()
                                    .build(),
                            meterRegistry));
            if (leaderElection != null) {
                overrider.withLeaderElectionConfiguration(leaderElection);
            }
        });
        EgressRules egressRules =
                new EgressRules(new DnsCache(hostResolver, settings.dnsRefresh()), ServiceSelectors.of(operatorClient));
        UsageBoard usage = new UsageBoard(new UsageReader(USAGE_READ_TIMEOUT), services);
        for (Reconciler<?> reconciler : reconcilers(settings, egressRules, services, usage, meterRegistry)) {
            register(operator, reconciler, settings);
        }
        return operator;
    }

    private static List<Reconciler<?>> reconcilers(
            OperatorSettings settings,
            EgressRules egressRules,
            ServiceLocator services,
            UsageBoard usage,
            MeterRegistry meters) {
        return List.of(
                new LanguageClusterReconciler(egressRules, usage, settings.dashboardByDefault(), settings.scraping()),
                new LanguageModelReconciler(
                        egressRules, settings.modelProxyImage(), usage, settings.usageInterval(), settings.scraping()),
                new LanguageToolReconciler(egressRules, services),
                new LanguagePersonaReconciler(),
                new LanguageAgentReconciler(egressRules, settings.synthesis(), services, usage, meters),
                new LanguageClientReconciler());
    }

    private static <P extends HasMetadata> void register(
            Operator operator, Reconciler<P> reconciler, OperatorSettings settings) {
        operator.register(reconciler, config -> {
            if (!settings.namespaces().isEmpty()) {
                config.settingNamespaces(settings.namespaces());
            }
        });
    }
}
