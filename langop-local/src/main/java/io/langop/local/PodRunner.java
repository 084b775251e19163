package io.langop.local;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.langop.api.batch.CronJobRuns;
import io.langop.local.kube.PodLogs;
import io.langop.wire.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kubelet and workload controllers of the in-process cluster: watches Deployments and Jobs and
 * runs their pods as {@link LocalPod}s, reports back into their status what a cluster would
 * (replicas ready, Job complete or failed), replaces a Deployment's pods when its template changes
 * (recreate) and stops them when it disappears. CronJobs never fire on their own: {@link
 * #trigger} makes one tick on demand. Every event is handled on one thread, in order.
 */
final class PodRunner implements PodLogs, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PodRunner.class);
    private static final int DEFAULT_JOB_BACKOFF_LIMIT = 6;

    private record DeploymentPods(String templateHash, Long generation, List<LocalPod> pods) {}

    private final KubernetesClient client;
    private final PodListener listener;
    private final Path podsDir;
    private final PodVolumes volumes;
    private final ServiceRouter router;
    private final PodEnvironment environment;
    private final PodObjects podObjects;
    private final ExecutorService events = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("pod-runner").factory());
    private final Map<String, DeploymentPods> deployments = new ConcurrentHashMap<>();
    private final Map<String, LocalPod> jobPods = new ConcurrentHashMap<>();
    private final AtomicInteger ticks = new AtomicInteger();
    private final List<SharedIndexInformer<?>> informers;
    /**
     * Should the JVM be told to stop (Ctrl-C, SIGTERM) before the runner is closed, the pods are stopped
     * as {@link #close()} does and whatever process is left is killed: none outlives the JVM.
     */
    private final Thread stopPodsOnExit = new Thread(this::stopOnExit, "stop-pods");

    private volatile boolean closed;
    private boolean stopped;

    PodRunner(KubernetesClient client, Path workDir, PodListener listener, EnvironmentOverrides overrides) {
        this.client = client;
        this.listener = listener;
        this.podsDir = workDir.resolve("pods");
        this.volumes = new PodVolumes(client, workDir.resolve("volumes"));
        this.router = new ServiceRouter(client, this::endpoint);
        this.environment = new PodEnvironment(client, router, overrides);
        this.podObjects = new PodObjects(client);
        this.informers = List.of(
                client.apps().deployments().inAnyNamespace().inform(handler(this::reconcile, this::removeDeployment)),
                client.batch().v1().jobs().inAnyNamespace().inform(handler(this::runJob, this::removeJob)),
                client.pods().inAnyNamespace().inform(handler(pod -> {}, this::podDeleted)));
        Runtime.getRuntime().addShutdownHook(stopPodsOnExit);
    }

    /** The directory behind a persistent volume claim, e.g. an agent's workspace. */
    Path claimDir(String namespace, String claim) {
        return volumes.claimDir(namespace, claim);
    }

    Path claimsRoot() {
        return volumes.claimsRoot();
    }

    /** Directory of every pod that ran, with {@code pod.log} and one log per container. */
    Path podsDir() {
        return podsDir;
    }

    /**
     * The output of a container of a pod that ran here: the named one, else the only one, else the first by name;
     * what {@code kubectl logs} shows.
     */
    @Override
    public Optional<Path> find(String namespace, String pod, Optional<String> container) {
        Path dir = podsDir.resolve(namespace).resolve(pod);
        if (container.isPresent()) {
            Path log = dir.resolve(container.get() + ".log");
            return Files.isRegularFile(log) ? Optional.of(log) : Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".log"))
                    .filter(file -> !file.getFileName().toString().equals(LocalPod.EVENT_LOG))
                    .sorted()
                    .findFirst();
        } catch (IOException noSuchPod) {
            return Optional.empty();
        }
    }

    /**
     * One tick of a CronJob, as its controller would make it: a Job from the job template, owned by
     * the CronJob, recorded in the CronJob's status. With {@code concurrencyPolicy: Forbid} a tick
     * while a Job is still active is refused.
     *
     * @return the name of the Job
     */
    String trigger(String namespace, String cronJobName) {
        CronJob cronJob = client.batch()
                .v1()
                .cronjobs()
                .inNamespace(namespace)
                .withName(cronJobName)
                .get();
        if (cronJob == null) {
            throw new IllegalArgumentException("no CronJob " + namespace + "/" + cronJobName);
        }
        List<ObjectReference> active =
                cronJob.getStatus() == null || cronJob.getStatus().getActive() == null
                        ? List.of()
                        : cronJob.getStatus().getActive();
        if ("Forbid".equals(cronJob.getSpec().getConcurrencyPolicy()) && !active.isEmpty()) {
            throw new IllegalStateException("CronJob " + cronJobName + " forbids concurrent runs and Job "
                    + active.getFirst().getName() + " is still active");
        }
        String jobName = cronJobName + "-" + ticks.incrementAndGet();
        Job job = CronJobRuns.scheduled(cronJob, jobName);
        client.resource(job).create();
        ObjectReference reference = new ObjectReferenceBuilder()
                .withApiVersion("batch/v1")
                .withKind("Job")
                .withNamespace(namespace)
                .withName(jobName)
                .build();
        editCronJobStatus(namespace, cronJobName, status -> {
            status.setLastScheduleTime(now());
            List<ObjectReference> running = new ArrayList<>(Objects.requireNonNullElse(status.getActive(), List.of()));
            running.add(reference);
            status.setActive(running);
        });
        return jobName;
    }

    int servicePort(String namespace, String service, int port) {
        return router.localPort(namespace, service, port);
    }

    private Optional<Integer> endpoint(String namespace, Map<String, String> selector, IntOrString targetPort) {
        return Stream.concat(deployments.values().stream().flatMap(d -> d.pods().stream()), jobPods.values().stream())
                .filter(pod -> pod.ready() && pod.matches(namespace, selector))
                .findFirst()
                .flatMap(pod -> pod.port(targetPort));
    }

    private void reconcile(Deployment deployment) {
        String key = key(deployment);
        String hash = templateHash(deployment);
        int replicas = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
        DeploymentPods current = deployments.get(key);
        List<LocalPod> pods = new ArrayList<>();
        if (current != null && current.templateHash().equals(hash)) {
            pods.addAll(current.pods());
        } else if (current != null) {
            LOG.info("Deployment {} has a new pod template: replacing its pods", key);
            current.pods().forEach(this::stop);
        }
        while (pods.size() > replicas) {
            stop(pods.removeLast());
        }
        String namespace = deployment.getMetadata().getNamespace();
        while (pods.size() < replicas) {
            String podName = unusedName(deployment.getMetadata().getName() + "-" + hash + "-", pods);
            pods.add(LocalPod.serving(
                            namespace,
                            podName,
                            deployment.getSpec().getTemplate(),
                            podsDir.resolve(namespace).resolve(podName),
                            volumes,
                            environment,
                            listener,
                            owner(deployment),
                            pod -> onEvents(() -> {
                                publish(pod);
                                reportDeployment(key);
                            }))
                    .start());
            LOG.info("Pod {}/{} started for Deployment {}", namespace, podName, key);
        }
        deployments.put(key, new DeploymentPods(hash, deployment.getMetadata().getGeneration(), List.copyOf(pods)));
        reportDeployment(key);
    }

    /** {@code prefix} and the lowest number no pod of {@code pods} has. */
    private static String unusedName(String prefix, List<LocalPod> pods) {
        for (int index = 0; ; index++) {
            String name = prefix + index;
            if (pods.stream().noneMatch(pod -> pod.name().equals(name))) {
                return name;
            }
        }
    }

    @Override
    public boolean running(String namespace, String pod, Optional<String> container) {
        return Stream.concat(deployments.values().stream().flatMap(d -> d.pods().stream()), jobPods.values().stream())
                .filter(local ->
                        local.namespace().equals(namespace) && local.name().equals(pod))
                .flatMap(local -> local.containers().stream())
                .filter(state -> container.isEmpty() || state.name().equals(container.get()))
                .anyMatch(state -> state.process().running());
    }

    /**
     * Someone deleted a Pod object ({@code kubectl delete pod}): its processes stop and, as a ReplicaSet or a Job
     * controller would, a new pod takes its place. The runner's own deletions find the pod gone already.
     */
    private void podDeleted(Pod deleted) {
        String namespace = deleted.getMetadata().getNamespace();
        String name = deleted.getMetadata().getName();
        Optional<Map.Entry<String, DeploymentPods>> owner = deployments.entrySet().stream()
                .filter(entry -> entry.getValue().pods().stream()
                        .anyMatch(pod ->
                                pod.namespace().equals(namespace) && pod.name().equals(name)))
                .findFirst();
        if (owner.isPresent()) {
            String key = owner.get().getKey();
            DeploymentPods owned = owner.get().getValue();
            List<LocalPod> rest = new ArrayList<>(owned.pods());
            LocalPod gone = rest.stream()
                    .filter(pod -> pod.name().equals(name))
                    .findFirst()
                    .orElseThrow();
            rest.remove(gone);
            deployments.put(key, new DeploymentPods(owned.templateHash(), owned.generation(), List.copyOf(rest)));
            gone.close();
            String[] parts = key.split("/", 2);
            Deployment deployment = client.apps()
                    .deployments()
                    .inNamespace(parts[0])
                    .withName(parts[1])
                    .get();
            if (deployment != null) {
                reconcile(deployment);
            }
            return;
        }
        Optional<Map.Entry<String, LocalPod>> job = jobPods.entrySet().stream()
                .filter(entry -> entry.getValue().namespace().equals(namespace)
                        && entry.getValue().name().equals(name))
                .findFirst();
        if (job.isPresent() && jobPods.remove(job.get().getKey(), job.get().getValue())) {
            job.get().getValue().close();
            String[] parts = job.get().getKey().split("/", 2);
            Job current = client.batch()
                    .v1()
                    .jobs()
                    .inNamespace(parts[0])
                    .withName(parts[1])
                    .get();
            if (current != null) {
                runJob(current);
            }
        }
    }

    private void removeDeployment(Deployment deployment) {
        DeploymentPods pods = deployments.remove(key(deployment));
        if (pods != null) {
            LOG.info("Deployment {} deleted: stopping its pods", key(deployment));
            pods.pods().forEach(this::stop);
        }
    }

    /** Writes the Pod object of a pod the runner still runs; a stopped pod's late changes are not written. */
    private void publish(LocalPod pod) {
        boolean current = jobPods.containsValue(pod)
                || deployments.values().stream().anyMatch(owned -> owned.pods().contains(pod));
        if (current) {
            podObjects.publish(pod);
        }
    }

    /** Stops a pod's processes and deletes its Pod object, as when a ReplicaSet scales down. */
    private void stop(LocalPod pod) {
        pod.close();
        podObjects.remove(pod);
    }

    private static OwnerReference owner(HasMetadata workload) {
        return new OwnerReferenceBuilder()
                .withApiVersion(workload.getApiVersion())
                .withKind(workload.getKind())
                .withName(workload.getMetadata().getName())
                .withUid(workload.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }

    private void reportDeployment(String key) {
        DeploymentPods current = deployments.get(key);
        if (current == null) {
            return;
        }
        int ready = (int) current.pods().stream().filter(LocalPod::ready).count();
        int replicas = current.pods().size();
        DeploymentStatus status = new DeploymentStatusBuilder()
                .withObservedGeneration(current.generation())
                .withReplicas(replicas)
                .withUpdatedReplicas(replicas)
                .withReadyReplicas(ready)
                .withAvailableReplicas(ready)
                .build();
        String[] name = key.split("/", 2);
        Deployment deployment = client.apps()
                .deployments()
                .inNamespace(name[0])
                .withName(name[1])
                .get();
        if (deployment == null || status.equals(deployment.getStatus())) {
            return;
        }
        try {
            client.apps()
                    .deployments()
                    .inNamespace(name[0])
                    .withName(name[1])
                    .editStatus(existing ->
                            new DeploymentBuilder(existing).withStatus(status).build());
        } catch (KubernetesClientException gone) {
            LOG.debug("Status of Deployment {} not written: {}", key, gone.getMessage());
        }
    }

    private void runJob(Job job) {
        String key = key(job);
        if (jobPods.containsKey(key) || finished(job)) {
            return;
        }
        String namespace = job.getMetadata().getNamespace();
        String uid = Objects.requireNonNullElse(job.getMetadata().getUid(), "00000");
        String podName = job.getMetadata().getName() + "-" + uid.substring(0, Math.min(5, uid.length()));
        int backoffLimit = Objects.requireNonNullElse(job.getSpec().getBackoffLimit(), DEFAULT_JOB_BACKOFF_LIMIT);
        LocalPod pod = LocalPod.runToCompletion(
                namespace,
                podName,
                job.getSpec().getTemplate(),
                backoffLimit,
                podsDir.resolve(namespace).resolve(podName),
                volumes,
                environment,
                listener,
                owner(job),
                started -> onEvents(() -> {
                    publish(started);
                    reportJob(job);
                }));
        jobPods.put(key, pod.start());
        LOG.info("Pod {}/{} started for Job {}", namespace, podName, key);
        editJobStatus(
                job, new JobStatusBuilder().withActive(1).withStartTime(now()).build());
    }

    private void removeJob(Job job) {
        LocalPod pod = jobPods.remove(key(job));
        if (pod != null) {
            stop(pod);
        }
    }

    /** A finished pod makes its Job Complete or Failed and leaves its CronJob's active list. */
    private void reportJob(Job job) {
        LocalPod pod = jobPods.get(key(job));
        if (pod == null || (pod.phase() != LocalPod.Phase.SUCCEEDED && pod.phase() != LocalPod.Phase.FAILED)) {
            return;
        }
        boolean succeeded = pod.phase() == LocalPod.Phase.SUCCEEDED;
        String now = now();
        JobStatusBuilder status = new JobStatusBuilder().withActive(0).withStartTime(startTime(job));
        if (succeeded) {
            status.withSucceeded(1)
                    .withCompletionTime(now)
                    .withConditions(
                            condition("SuccessCriteriaMet", "CompletionsReached", now),
                            condition("Complete", "CompletionsReached", now));
        } else {
            status.withFailed(1)
                    .withConditions(
                            condition("FailureTarget", "BackoffLimitExceeded", now),
                            condition("Failed", "BackoffLimitExceeded", now));
        }
        editJobStatus(job, status.build());
        job.getMetadata().getOwnerReferences().stream()
                .filter(owner -> "CronJob".equals(owner.getKind()))
                .forEach(owner -> editCronJobStatus(job.getMetadata().getNamespace(), owner.getName(), cronStatus -> {
                    cronStatus.setActive(
                            Objects.requireNonNullElse(cronStatus.getActive(), List.<ObjectReference>of()).stream()
                                    .filter(ref -> !ref.getName()
                                            .equals(job.getMetadata().getName()))
                                    .toList());
                    if (succeeded) {
                        cronStatus.setLastSuccessfulTime(now);
                    }
                }));
    }

    private String startTime(Job job) {
        Job current = client.batch()
                .v1()
                .jobs()
                .inNamespace(job.getMetadata().getNamespace())
                .withName(job.getMetadata().getName())
                .get();
        return current == null || current.getStatus() == null
                ? null
                : current.getStatus().getStartTime();
    }

    private static io.fabric8.kubernetes.api.model.batch.v1.JobCondition condition(
            String type, String reason, String time) {
        return new JobConditionBuilder()
                .withType(type)
                .withStatus("True")
                .withReason(reason)
                .withLastTransitionTime(time)
                .withLastProbeTime(time)
                .build();
    }

    private void editJobStatus(Job job, JobStatus status) {
        try {
            client.batch()
                    .v1()
                    .jobs()
                    .inNamespace(job.getMetadata().getNamespace())
                    .withName(job.getMetadata().getName())
                    .editStatus(existing ->
                            new JobBuilder(existing).withStatus(status).build());
        } catch (KubernetesClientException gone) {
            LOG.debug("Status of Job {} not written: {}", key(job), gone.getMessage());
        }
    }

    private void editCronJobStatus(
            String namespace, String name, Consumer<io.fabric8.kubernetes.api.model.batch.v1.CronJobStatus> change) {
        try {
            client.batch().v1().cronjobs().inNamespace(namespace).withName(name).editStatus(existing -> {
                CronJob edited = new CronJobBuilder(existing)
                        .editOrNewStatus()
                        .endStatus()
                        .build();
                change.accept(edited.getStatus());
                return edited;
            });
        } catch (KubernetesClientException gone) {
            LOG.debug("Status of CronJob {}/{} not written: {}", namespace, name, gone.getMessage());
        }
    }

    private static boolean finished(Job job) {
        return job.getStatus() != null
                && job.getStatus().getConditions() != null
                && job.getStatus().getConditions().stream()
                        .anyMatch(c -> ("Complete".equals(c.getType()) || "Failed".equals(c.getType()))
                                && "True".equals(c.getStatus()));
    }

    private void onEvents(Runnable task) {
        if (closed) {
            return;
        }
        try {
            events.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("Pod runner event failed", e);
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            // closing: nothing is reported any more
        }
    }

    private <T extends HasMetadata> ResourceEventHandler<T> handler(Consumer<T> changed, Consumer<T> deleted) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T resource) {
                onEvents(() -> changed.accept(resource));
            }

            @Override
            public void onUpdate(T old, T resource) {
                onEvents(() -> changed.accept(resource));
            }

            @Override
            public void onDelete(T resource, boolean finalStateUnknown) {
                onEvents(() -> deleted.accept(resource));
            }
        };
    }

    private static String templateHash(Deployment deployment) {
        return Sha256.hex(Serialization.asJson(deployment.getSpec().getTemplate()), 5);
    }

    private static String key(HasMetadata resource) {
        return resource.getMetadata().getNamespace() + "/"
                + resource.getMetadata().getName();
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private void stopOnExit() {
        close();
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }

    /** Stops watching, then stops every pod; a second call waits for the first. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        closed = true;
        informers.forEach(SharedIndexInformer::close);
        events.shutdown();
        try {
            events.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Thread> stopping = Stream.concat(
                        deployments.values().stream().flatMap(d -> d.pods().stream()), jobPods.values().stream())
                .map(pod -> Thread.ofVirtual().start(pod::close))
                .toList();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        router.close();
        try {
            Runtime.getRuntime().removeShutdownHook(stopPodsOnExit);
        } catch (IllegalStateException shuttingDown) {
            // closed by a shutdown hook: the hook is running or done
        }
    }
}
