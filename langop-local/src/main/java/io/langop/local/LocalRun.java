package io.langop.local;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.langop.local.kube.Kubeconfig;
import io.langop.local.llm.EndpointProbe;
import io.langop.local.llm.LlmDiscovery;
import io.langop.local.llm.LocalLlm;
import io.langop.local.llm.ModelRedirect;
import io.langop.local.mail.LocalMailbox;
import io.langop.operator.synthesis.SynthesisSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One {@code langop local} run: the local mailbox started, the manifests fitted to this machine (models without a
 * reachable endpoint pointed at the LLM found, the Secrets nobody should have to write made), the {@link
 * LocalCluster} started, the manifests applied in order, its CronJobs run once ({@link ScheduledRuns}), and the
 * {@link Account} of what happens printed to {@code out} until {@link #close()} stops everything the run started.
 */
public final class LocalRun implements AutoCloseable {

    /** How long a LanguageModel's own endpoint gets to answer before the model is pointed at the LLM found. */
    private static final Duration ENDPOINT_PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final LocalCluster cluster;
    private final Account account;
    private final ScheduledRuns scheduledRuns;
    private final Optional<LocalMailbox> mailbox;

    private LocalRun(
            LocalCluster cluster, Account account, ScheduledRuns scheduledRuns, Optional<LocalMailbox> mailbox) {
        this.cluster = cluster;
        this.account = account;
        this.scheduledRuns = scheduledRuns;
        this.mailbox = mailbox;
    }

    /**
     * Starts a run of {@code manifests} (see {@link Manifests#read}) with the pods' files under {@code workDir}.
     */
    public static LocalRun start(List<HasMetadata> manifests, Path workDir, LocalSetup setup, PrintStream out)
            throws InterruptedException {
        Account account = new Account(out);
        tellLlm(setup, account);
        Optional<LocalMailbox> mailbox = setup.localMail()
                ? Optional.of(LocalMailbox.start(workDir.resolve("mail"), account::mail))
                : Optional.empty();
        LocalCluster cluster = null;
        try {
            mailbox.ifPresent(account::mailbox);
            Optional<LocalLlm> llm = setup.foundLlm();
            if (llm.isPresent()) {
                new ModelRedirect(llm.get(), EndpointProbe.http(ENDPOINT_PROBE_TIMEOUT))
                        .apply(manifests)
                        .forEach(line -> account.line("llm", line));
            }
            List<LocalSecrets.Made> made = LocalSecrets.missing(manifests, llm, setup.localMail());
            cluster = LocalCluster.start(workDir, setup.settings(), account, overrides(mailbox));
            account.line(
                    "local",
                    "API server " + cluster.kubectlUrl() + ", operator started, pods under " + cluster.podsDir());
            Path kubeconfig =
                    Kubeconfig.write(workDir.resolve("kubeconfig"), cluster.kubectlUrl(), mainNamespace(manifests));
            account.line("kubectl", "export KUBECONFIG=" + kubeconfig + "   # then: kubectl get langop -A");
            account.follow(cluster, cluster.claimsRoot());
            ScheduledRuns scheduledRuns = new ScheduledRuns(cluster, account);
            LocalRun run = new LocalRun(cluster, account, scheduledRuns, mailbox);
            run.apply(withSecrets(manifests, made), made);
            return run;
        } catch (IOException unwritable) {
            stopStarted(account, cluster, mailbox);
            throw new UncheckedIOException("cannot write the kubeconfig in " + workDir, unwritable);
        } catch (RuntimeException | InterruptedException failed) {
            stopStarted(account, cluster, mailbox);
            throw failed;
        }
    }

    /** What a start that failed half-way had started, stopped. */
    private static void stopStarted(Account account, LocalCluster cluster, Optional<LocalMailbox> mailbox) {
        account.close();
        if (cluster != null) {
            cluster.close();
        }
        mailbox.ifPresent(LocalMailbox::close);
    }

    public LocalCluster cluster() {
        return cluster;
    }

    /** The local mailbox, unless email tools keep the servers they name. */
    public Optional<LocalMailbox> mailbox() {
        return mailbox;
    }

    private static void tellLlm(LocalSetup setup, Account account) {
        switch (setup.llm()) {
            case LlmDiscovery.Found found ->
                account.line(
                        "llm", found.llm().describe() + ", for every LanguageModel that cannot reach its own endpoint");
            case LlmDiscovery.NotFound notFound -> account.line("llm", notFound.advice());
        }
        SynthesisSettings synthesis = setup.settings().synthesis();
        account.line(
                "synthesis",
                synthesis.enabled()
                        ? "model " + synthesis.model().orElseThrow() + " at "
                                + synthesis.endpoint().orElse("(each agent's spec.synthesis.modelRef)")
                                + ", unless an agent names a LanguageModel in spec.synthesis.modelRef"
                        : "off: no LLM to write agents with; only agents with spec.codeRef run "
                                + "(or name one with --synthesis-endpoint/--synthesis-model)");
    }

    /** The namespace kubectl uses by default: the first agent's, else the first object's. */
    private static String mainNamespace(List<HasMetadata> manifests) {
        return manifests.stream()
                .filter(object -> "LanguageAgent".equals(object.getKind()))
                .map(object -> object.getMetadata().getNamespace())
                .findFirst()
                .or(() -> manifests.stream()
                        .filter(object -> !(object instanceof Namespace))
                        .map(object -> object.getMetadata().getNamespace())
                        .findFirst())
                .orElse("default");
    }

    private static EnvironmentOverrides overrides(Optional<LocalMailbox> mailbox) {
        return mailbox.<EnvironmentOverrides>map(
                        local -> (image, env) -> ImageCatalog.isEmailTool(image) ? local.toolEnvironment(env) : env)
                .orElse(EnvironmentOverrides.NONE);
    }

    /** The Secrets made go right after the Namespaces, before anything that needs them. */
    private static List<HasMetadata> withSecrets(List<HasMetadata> manifests, List<LocalSecrets.Made> made) {
        List<HasMetadata> objects = new ArrayList<>(
                manifests.stream().filter(Namespace.class::isInstance).toList());
        made.forEach(secret -> objects.add(secret.secret()));
        manifests.stream().filter(object -> !(object instanceof Namespace)).forEach(objects::add);
        return objects;
    }

    private void apply(List<HasMetadata> manifests, List<LocalSecrets.Made> made) {
        Map<String, String> madeWhy =
                made.stream().collect(Collectors.toMap(secret -> key(secret.secret()), LocalSecrets.Made::why));
        Set<String> namespaces = new LinkedHashSet<>();
        manifests.stream()
                .filter(object -> object instanceof Namespace)
                .forEach(namespace -> namespaces.add(namespace.getMetadata().getName()));
        for (HasMetadata object : manifests) {
            String namespace = object.getMetadata().getNamespace();
            if (!(object instanceof Namespace) && namespaces.add(namespace)) {
                cluster.createNamespace(namespace);
                account.line("applied", "Namespace " + namespace);
            }
            try {
                cluster.apply(List.of(object));
                String why = object instanceof Secret ? madeWhy.get(key(object)) : null;
                if (why == null) {
                    account.applied(object);
                } else {
                    account.line(
                            "secret",
                            "made Secret " + namespace + "/"
                                    + object.getMetadata().getName() + ": " + why);
                }
            } catch (KubernetesClientException refused) {
                account.line(
                        "refused",
                        object.getKind() + " " + namespace + "/"
                                + object.getMetadata().getName() + ": " + ApiErrors.describe(refused)
                                + "; correct the manifest and start langop local again");
            }
        }
    }

    private static String key(HasMetadata object) {
        return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
    }

    /** Stops the pods (SIGTERM, SIGKILL after 10 s), the operator, the API server and the mailbox. */
    @Override
    public void close() {
        account.line("local", "stopping: pods, operator, API server");
        scheduledRuns.close();
        account.close();
        cluster.close();
        mailbox.ifPresent(LocalMailbox::close);
        account.line("local", "stopped");
    }
}
