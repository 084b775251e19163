package io.langop.local;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.langop.operator.OperatorSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One {@code langop local} run: the {@link LocalCluster} started, the manifests applied in order, its
 * CronJobs run once ({@link ScheduledRuns}), and the {@link Account} of what happens printed to
 * {@code out} until {@link #close()} stops everything the run started.
 */
public final class LocalRun implements AutoCloseable {

    private final LocalCluster cluster;
    private final Account account;
    private final ScheduledRuns scheduledRuns;

    private LocalRun(LocalCluster cluster, Account account, ScheduledRuns scheduledRuns) {
        this.cluster = cluster;
        this.account = account;
        this.scheduledRuns = scheduledRuns;
    }

    /**
     * Starts a run of {@code manifests} (see {@link Manifests#read}) with the pods' files under
     * {@code workDir}.
     */
    public static LocalRun start(
            List<HasMetadata> manifests, Path workDir, OperatorSettings settings, PrintStream out) {
        Account account = new Account(out);
        account.line(
                "local",
                settings.synthesis().enabled()
                        ? "synthesis LLM: model " + settings.synthesis().model().orElseThrow() + " at "
                                + settings.synthesis().endpoint().orElse("(each agent's spec.synthesis.modelRef)")
                        : "no synthesis LLM configured (--synthesis-endpoint/--synthesis-model or SYNTHESIS_ENDPOINT/SYNTHESIS_MODEL):"
                                + " only agents with spec.codeRef run");
        LocalCluster cluster = LocalCluster.start(workDir, settings, account);
        try {
            account.line(
                    "local",
                    "API server " + cluster.apiServerUrl() + ", operator started, pods under " + cluster.podsDir());
            account.follow(cluster, cluster.claimsRoot());
            ScheduledRuns scheduledRuns = new ScheduledRuns(cluster, account);
            LocalRun run = new LocalRun(cluster, account, scheduledRuns);
            run.apply(manifests);
            return run;
        } catch (RuntimeException failed) {
            account.close();
            cluster.close();
            throw failed;
        }
    }

    public LocalCluster cluster() {
        return cluster;
    }

    private void apply(List<HasMetadata> manifests) {
        Set<String> namespaces = new LinkedHashSet<>();
        manifests.stream()
                .filter(object -> object instanceof Namespace)
                .forEach(namespace -> namespaces.add(namespace.getMetadata().getName()));
        for (HasMetadata object : manifests) {
            String namespace = Manifests.namespaceOf(object);
            if (!(object instanceof Namespace) && namespaces.add(namespace)) {
                cluster.createNamespace(namespace);
                account.line("applied", "Namespace " + namespace);
            }
            if (!(object instanceof Namespace) && object.getMetadata().getNamespace() == null) {
                object.getMetadata().setNamespace(namespace);
            }
            try {
                cluster.apply(List.of(object));
                account.applied(object);
            } catch (KubernetesClientException refused) {
                account.line(
                        "refused",
                        object.getKind() + " " + namespace + "/"
                                + object.getMetadata().getName() + ": " + refused.getMessage());
            }
        }
    }

    /** Stops the pods (SIGTERM, SIGKILL after 10 s), the operator and the API server. */
    @Override
    public void close() {
        account.line("local", "stopping: pods, operator, API server");
        scheduledRuns.close();
        account.close();
        cluster.close();
        account.line("local", "stopped");
    }
}
