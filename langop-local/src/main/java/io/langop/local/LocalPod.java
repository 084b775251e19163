package io.langop.local;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One pod played by processes, as a kubelet would run it: volumes and environment prepared (waiting
 * for missing ConfigMaps and Secrets), init containers run in order, native sidecars ({@code
 * restartPolicy: Always} init containers) started and ready before the main containers, then the
 * main containers supervised — restarted with back-off in a Deployment's pod, run to completion
 * (retried up to the Job's back-off limit) in a Job's pod. What happens goes to {@code pod.log}.
 */
final class LocalPod implements AutoCloseable {

    enum Phase {
        PENDING,
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    /** What the pod runner did with the pod, beside one log per container. */
    static final String EVENT_LOG = "pod.log";

    /** Kubelet's crash-loop back-off starts at 10 s and doubles up to 5 min. */
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(10);

    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** Jobs retry sooner than the kubelet would, so a failing scenario does not wait minutes. */
    private static final Duration JOB_RETRY_PAUSE = Duration.ofSeconds(1);
    /** Supervision runs every 100 ms; mounted ConfigMaps and Secrets are synchronized every second. */
    private static final int VOLUME_SYNC_TICKS = 10;

    private final String namespace;
    private final String name;
    private final PodTemplateSpec template;
    private final Integer backoffLimit;
    private final Path dir;
    private final PodVolumes volumes;
    private final PodEnvironment environment;
    private final PodListener listener;
    private final Consumer<LocalPod> onChange;
    private final Thread supervisor;
    private final OwnerReference owner;
    // read by the pod runner's thread to report the pod's status, written by the supervisor
    private final List<ContainerProcess> sidecars = new CopyOnWriteArrayList<>();
    private final List<ContainerProcess> mains = new CopyOnWriteArrayList<>();
    private final List<ContainerProcess> inits = new CopyOnWriteArrayList<>();
    /** Containers that exited and wait out their back-off before they start again. */
    private final Map<ContainerProcess, Instant> backingOff = new ConcurrentHashMap<>();

    private final Instant created = Instant.now();
    private final Map<String, Integer> portsByName = new HashMap<>();
    private final Map<Integer, Integer> portsByNumber = new HashMap<>();
    private Map<String, Path> volumeDirs = Map.of();
    private UnaryOperator<String> localizeText = UnaryOperator.identity();
    private volatile Phase phase = Phase.PENDING;
    private volatile boolean ready;
    /** What the pod waits for before its containers can start (a Secret, a ConfigMap), or null. */
    private volatile String waitingFor;

    private LocalPod(
            String namespace,
            String name,
            PodTemplateSpec template,
            Integer backoffLimit,
            Path dir,
            PodVolumes volumes,
            PodEnvironment environment,
            PodListener listener,
            OwnerReference owner,
            Consumer<LocalPod> onChange) {
        this.owner = owner;
        this.namespace = namespace;
        this.name = name;
        this.template = template;
        this.backoffLimit = backoffLimit;
        this.dir = dir;
        this.volumes = volumes;
        this.environment = environment;
        this.listener = listener;
        this.onChange = onChange;
        this.supervisor = Thread.ofVirtual().name("pod-" + name).unstarted(this::supervise);
    }

    /** A pod of a Deployment: runs until stopped, containers restarted when they exit. */
    static LocalPod serving(
            String namespace,
            String name,
            PodTemplateSpec template,
            Path dir,
            PodVolumes volumes,
            PodEnvironment environment,
            PodListener listener,
            OwnerReference owner,
            Consumer<LocalPod> onChange) {
        return new LocalPod(namespace, name, template, null, dir, volumes, environment, listener, owner, onChange);
    }

    /** A pod of a Job: done when its main containers exit 0, failed after {@code backoffLimit} retries. */
    static LocalPod runToCompletion(
            String namespace,
            String name,
            PodTemplateSpec template,
            int backoffLimit,
            Path dir,
            PodVolumes volumes,
            PodEnvironment environment,
            PodListener listener,
            OwnerReference owner,
            Consumer<LocalPod> onChange) {
        return new LocalPod(
                namespace, name, template, backoffLimit, dir, volumes, environment, listener, owner, onChange);
    }

    LocalPod start() {
        supervisor.start();
        return this;
    }

    String name() {
        return name;
    }

    String namespace() {
        return namespace;
    }

    Phase phase() {
        return phase;
    }

    boolean ready() {
        return ready;
    }

    Path dir() {
        return dir;
    }

    PodTemplateSpec template() {
        return template;
    }

    OwnerReference owner() {
        return owner;
    }

    Instant created() {
        return created;
    }

    /** What the pod waits for before its containers can start, if anything. */
    Optional<String> waitingFor() {
        return Optional.ofNullable(waitingFor);
    }

    /** One container as its pod runs it, for the pod's status. */
    record ContainerState(String name, String image, boolean init, ContainerProcess process, boolean backingOff) {}

    /** The init containers, then the sidecars, then the main containers, once the pod is prepared. */
    List<ContainerState> containers() {
        List<ContainerState> all = new ArrayList<>();
        inits.forEach(process -> all.add(state(process, true)));
        sidecars.forEach(process -> all.add(state(process, true)));
        mains.forEach(process -> all.add(state(process, false)));
        return all;
    }

    private ContainerState state(ContainerProcess process, boolean init) {
        return new ContainerState(process.name(), process.image(), init, process, backingOff.containsKey(process));
    }

    boolean matches(String namespace, Map<String, String> selector) {
        Map<String, String> labels =
                Objects.requireNonNullElse(template.getMetadata().getLabels(), Map.of());
        return this.namespace.equals(namespace) && labels.entrySet().containsAll(selector.entrySet());
    }

    /** The loopback port behind a Service's target port: a declared port by name or number, else the main container's. */
    Optional<Integer> port(IntOrString target) {
        if (target.getStrVal() != null) {
            return Optional.ofNullable(portsByName.get(target.getStrVal()));
        }
        Integer declared = portsByNumber.get(target.getIntVal());
        return declared != null
                ? Optional.of(declared)
                : mains.stream().findFirst().map(ContainerProcess::port);
    }

    private void supervise() {
        try {
            PodSpec spec = template.getSpec();
            prepare(spec);
            for (Container init : Objects.requireNonNullElse(spec.getInitContainers(), List.<Container>of())) {
                if (!"Always".equals(init.getRestartPolicy())) {
                    ContainerProcess process = processFor(init);
                    inits.add(process);
                    process.start();
                    event("init container " + init.getName() + " started");
                    int code = awaitExit(process);
                    if (code != 0) {
                        event("init container " + init.getName() + " failed with exit code " + code);
                        phase = Phase.FAILED;
                        return;
                    }
                }
            }
            for (ContainerProcess sidecar : sidecars) {
                sidecar.start();
                event("sidecar " + sidecar.name() + " started on port " + sidecar.port());
                awaitReady(sidecar);
                event("sidecar " + sidecar.name() + " ready");
            }
            phase = Phase.RUNNING;
            for (ContainerProcess main : mains) {
                main.start();
                event("container " + main.name() + " started on port " + main.port());
            }
            if (backoffLimit == null) {
                serve();
            } else {
                runToCompletion();
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException broken) {
            event("cannot run the pod: " + (broken.getMessage() == null ? broken.toString() : broken.getMessage()));
            phase = Phase.FAILED;
        } finally {
            ready = false;
            // close() interrupts this thread: the containers still get their grace period, as from a kubelet
            boolean interrupted = Thread.interrupted();
            stopAll(inits);
            stopAll(mains);
            stopAll(sidecars);
            event("stopped (" + phase + ")");
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Volumes, ports and environments; like a kubelet, waits while a referenced object is missing. */
    private void prepare(PodSpec spec) throws InterruptedException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        while (true) {
            try {
                List<Volume> specVolumes = Objects.requireNonNullElse(spec.getVolumes(), List.of());
                Map<String, Path> podMounts = PodVolumes.podMounts(spec, volumes.dirs(namespace, specVolumes, dir));
                localizeText = text -> environment.serviceUrls(namespace, PodVolumes.localizePaths(text, podMounts));
                Map<String, Path> volumeDirs = volumes.materialize(namespace, specVolumes, dir, localizeText);
                List<Container> sidecarSpecs =
                        Objects.requireNonNullElse(spec.getInitContainers(), List.<Container>of()).stream()
                                .filter(init -> "Always".equals(init.getRestartPolicy()))
                                .toList();
                Map<Container, Integer> ports = new LinkedHashMap<>();
                for (Container container : concat(sidecarSpecs, spec.getContainers())) {
                    int port = freePort();
                    ports.put(container, port);
                    for (ContainerPort declared :
                            Objects.requireNonNullElse(container.getPorts(), List.<ContainerPort>of())) {
                        portsByNumber.put(declared.getContainerPort(), port);
                        if (declared.getName() != null) {
                            portsByName.put(declared.getName(), port);
                        }
                    }
                }
                sidecars.clear();
                mains.clear();
                for (var entry : ports.entrySet()) {
                    Container container = entry.getKey();
                    ContainerProcess process = new ContainerProcess(
                            container,
                            localEnvironment(container, volumeDirs),
                            PodVolumes.mounts(container, volumeDirs),
                            entry.getValue(),
                            dir);
                    (sidecarSpecs.contains(container) ? sidecars : mains).add(process);
                }
                this.volumeDirs = volumeDirs;
                waitingFor = null;
                return;
            } catch (MissingObjectException missing) {
                if (!missing.getMessage().equals(waitingFor)) {
                    waitingFor = missing.getMessage();
                    event("waiting for " + missing.getMessage());
                }
                Thread.sleep(250);
            }
        }
    }

    /** Like the kubelet: the main containers together, then the sidecars together, each with its grace period. */
    private static void stopAll(List<ContainerProcess> containers) {
        List<Thread> stopping = containers.stream()
                .map(container -> Thread.ofVirtual().start(container::stop))
                .toList();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private ContainerProcess processFor(Container init) {
        return new ContainerProcess(
                init, localEnvironmentUnchecked(init), PodVolumes.mounts(init, volumeDirs), freePort(), dir);
    }

    private Map<String, String> localEnvironmentUnchecked(Container container) {
        try {
            return localEnvironment(container, volumeDirs);
        } catch (MissingObjectException missing) {
            throw new IllegalStateException("init container " + container.getName() + " needs " + missing.getMessage());
        }
    }

    private Map<String, String> localEnvironment(Container container, Map<String, Path> volumeDirs)
            throws MissingObjectException {
        Map<String, Path> mounts = PodVolumes.mounts(container, volumeDirs);
        boolean token = !Boolean.FALSE.equals(template.getSpec().getAutomountServiceAccountToken());
        return environment.forContainer(namespace, name, container, mounts, portsByNumber, token);
    }

    private void serve() throws InterruptedException {
        for (long tick = 0; ; tick++) {
            if (tick % VOLUME_SYNC_TICKS == 0) {
                syncVolumes();
            }
            boolean nowReady = mains.stream().allMatch(ContainerProcess::ready)
                    && sidecars.stream().allMatch(ContainerProcess::running);
            if (nowReady != ready) {
                ready = nowReady;
                event(nowReady ? "ready" : "not ready");
            }
            for (ContainerProcess container : concat(sidecars, mains)) {
                Integer exit = container.exitCode();
                if (exit == null) {
                    continue;
                }
                Instant due = backingOff.get(container);
                if (due == null) {
                    Duration backoff = backoff(container.restarts());
                    event("container " + container.name() + " exited with " + exit + "; restarting in "
                            + backoff.toSeconds() + " s; its log: " + container.log());
                    backingOff.put(container, Instant.now().plus(backoff));
                } else if (Instant.now().isAfter(due)) {
                    backingOff.remove(container);
                    container.start();
                    event("container " + container.name() + " restarted");
                }
            }
            Thread.sleep(100);
        }
    }

    /** Like the kubelet, running pods see ConfigMap and Secret changes in their files; a deleted object leaves the last content. */
    private void syncVolumes() {
        try {
            volumes.materialize(
                    namespace,
                    Objects.requireNonNullElse(template.getSpec().getVolumes(), List.of()),
                    dir,
                    localizeText);
        } catch (MissingObjectException deleted) {
            // the files keep their last content
        }
    }

    private void runToCompletion() throws InterruptedException {
        int failures = 0;
        while (true) {
            for (ContainerProcess main : mains) {
                awaitExit(main);
            }
            List<ContainerProcess> failed =
                    mains.stream().filter(main -> main.exitCode() != 0).toList();
            if (failed.isEmpty()) {
                event("completed");
                phase = Phase.SUCCEEDED;
                return;
            }
            failures++;
            event(failed.stream()
                            .map(c -> c.name() + " exited with " + c.exitCode() + ", log " + c.log())
                            .toList() + " (failure " + failures + " of at most " + (backoffLimit + 1) + ")");
            if (failures > backoffLimit) {
                phase = Phase.FAILED;
                return;
            }
            Thread.sleep(JOB_RETRY_PAUSE);
            failed.forEach(ContainerProcess::start);
        }
    }

    private static Duration backoff(int restarts) {
        Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(restarts, 5));
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    private static int awaitExit(ContainerProcess process) throws InterruptedException {
        while (process.exitCode() == null) {
            Thread.sleep(100);
        }
        return process.exitCode();
    }

    private void awaitReady(ContainerProcess process) throws InterruptedException {
        while (!process.ready()) {
            if (process.exitCode() != null) {
                event("sidecar " + process.name() + " exited with " + process.exitCode()
                        + " before it was ready; restarting");
                Thread.sleep(JOB_RETRY_PAUSE);
                process.start();
            }
            Thread.sleep(100);
        }
    }

    /** Tells what happened: to the listener, into {@code pod.log}, and to the runner, which reports the status. */
    void event(String message) {
        listener.podEvent(namespace, name, message);
        onChange.accept(this);
        try {
            Files.createDirectories(dir);
            Files.writeString(
                    dir.resolve(EVENT_LOG),
                    Instant.now() + " " + message + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(Objects.requireNonNullElse(second, List.of()));
        return all;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the containers (SIGTERM, then SIGKILL after the grace period) and waits for it. */
    @Override
    public void close() {
        supervisor.interrupt();
        try {
            supervisor.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
