package io.langop.local;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.langop.api.v1alpha1.LangopApi;
import io.langop.local.mail.LocalMailbox;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The readable account of a local run, one line per thing that happened: objects applied, the
 * phase and conditions of every langop.io object as the operator writes them (synthesis attempts and
 * verdicts among them), the Events it posts, what the pods do, and the files pods write into their
 * persistent volumes (an agent's workspace). Never prints a Secret's content.
 */
final class Account implements PodListener, AutoCloseable {

    private static final List<String> KINDS = List.of(
            "LanguageCluster", "LanguageModel", "LanguageTool", "LanguagePersona", "LanguageAgent", "LanguageClient");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private record FileState(long size, long modified) {}

    private final PrintStream out;
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    /** Last phase and conditions told, per object, so each change is told once. */
    private final Map<String, Map<String, String>> told = new ConcurrentHashMap<>();

    private final Map<Path, FileState> files = new HashMap<>();
    private Thread fileWatcher;

    Account(PrintStream out) {
        this.out = out;
    }

    /** Starts telling what the operator and the pods of {@code cluster} do. */
    void follow(LocalCluster cluster, Path claimsRoot) {
        KubernetesClient client = cluster.client();
        for (String kind : KINDS) {
            informers.add(client.genericKubernetesResources(LangopApi.API_VERSION, kind)
                    .inAnyNamespace()
                    .inform(telling(this::status, true)));
        }
        informers.add(client.v1().events().inAnyNamespace().inform(telling(this::event, false)));
        fileWatcher = Thread.ofVirtual().name("account-files").start(() -> watchFiles(claimsRoot));
    }

    void line(String topic, String text) {
        synchronized (out) {
            out.printf("%s %-9s %s%n", LocalTime.now(ZoneId.systemDefault()).format(TIME), topic, text);
            out.flush();
        }
    }

    void applied(HasMetadata object) {
        line("applied", object.getKind() + " " + name(object));
    }

    /** Where the local mailbox answers and where its messages go. */
    void mailbox(LocalMailbox mailbox) {
        line(
                "mail",
                "local mailbox: every email tool sends to SMTP 127.0.0.1:" + mailbox.smtpPort()
                        + " and reads IMAP 127.0.0.1:" + mailbox.imapPort() + " (login " + LocalMailbox.LOGIN
                        + ", password " + LocalMailbox.LOGIN + "); each mail is also saved under " + mailbox.dir());
    }

    /** One line per message that reached the local mailbox. */
    void mail(LocalMailbox.Mail mail) {
        line(
                "mail",
                "from " + mail.from() + " to " + String.join(", ", mail.to()) + ": \"" + mail.subject()
                        + "\"; read it: " + mail.file());
    }

    @Override
    public void podEvent(String namespace, String pod, String message) {
        line("pod", namespace + "/" + pod + ": " + message);
    }

    private void status(GenericKubernetesResource object) {
        if (!(object.getAdditionalProperties().get("status") instanceof Map<?, ?> status)) {
            return;
        }
        Map<String, String> now = new HashMap<>();
        if (status.get("phase") != null) {
            now.put("phase", "phase " + status.get("phase"));
        }
        if (status.get("conditions") instanceof List<?> conditions) {
            for (Object item : conditions) {
                if (item instanceof Map<?, ?> condition) {
                    now.put(
                            "condition " + condition.get("type"),
                            condition.get("type") + "=" + condition.get("status")
                                    + " (" + condition.get("reason") + ")"
                                    + (condition.get("message") == null ? "" : ": " + condition.get("message")));
                }
            }
        }
        String key = object.getKind() + " " + name(object);
        Map<String, String> before = told.getOrDefault(key, Map.of());
        now.entrySet().stream()
                .filter(entry -> !Objects.equals(before.get(entry.getKey()), entry.getValue()))
                .sorted(Map.Entry.comparingByKey(
                        java.util.Comparator.comparing(topic -> topic.startsWith("condition"))))
                .forEach(entry -> line(
                        entry.getKey().startsWith("phase") ? "status" : "condition", key + ": " + entry.getValue()));
        told.put(key, now);
    }

    private void event(Event event) {
        var about = event.getInvolvedObject();
        line(
                "event",
                about.getKind() + " " + about.getNamespace() + "/" + about.getName() + ": " + event.getType() + " "
                        + event.getReason() + ": " + event.getMessage());
    }

    /** Polls rather than using a WatchService: claim directories appear while the run goes on, nested. */
    private void watchFiles(Path root) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                scanFiles(root);
                Thread.sleep(500);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private void scanFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList()) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                FileState state = new FileState(
                        attributes.size(), attributes.lastModifiedTime().toMillis());
                FileState before = files.put(file, state);
                if (!state.equals(before)) {
                    line(
                            "file",
                            root.relativize(file) + " " + (before == null ? "written" : "updated") + " (" + state.size()
                                    + " bytes): " + file);
                }
            }
        } catch (IOException | UncheckedIOException changing) {
            // a pod is writing or a directory just went away: the next scan sees the result
        }
    }

    private static String name(HasMetadata object) {
        return object.getMetadata().getNamespace() == null
                ? object.getMetadata().getName()
                : object.getMetadata().getNamespace() + "/"
                        + object.getMetadata().getName();
    }

    /**
     * Tells each added object, and each updated one when {@code updates} (an updated Event only counts a repeat);
     * deletions are not told (events expire, and resources are deleted by the user or at the end of the run, which
     * the pod lines tell).
     */
    private static <T> ResourceEventHandler<T> telling(java.util.function.Consumer<T> tell, boolean updates) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T resource) {
                tell.accept(resource);
            }

            @Override
            public void onUpdate(T old, T resource) {
                if (updates) {
                    tell.accept(resource);
                }
            }

            @Override
            public void onDelete(T resource, boolean finalStateUnknown) {
                // not told, see above
            }
        };
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::close);
        if (fileWatcher != null) {
            fileWatcher.interrupt();
        }
    }
}
