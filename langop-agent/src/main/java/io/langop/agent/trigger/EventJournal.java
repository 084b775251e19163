package io.langop.agent.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.sdk.agent.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events an agent accepted and has not run yet, one file each in a directory of its workspace, written (and
 * forced to the disk) before the sender hears 202: a restarted agent runs what its predecessor accepted, so delivery is
 * at least once. At most {@code capacity} events wait; beyond that {@link #offer} answers {@link Offer.Full} and the
 * sender is told to come back (429), nothing is dropped. Delivery ids of the events run recently are remembered (in
 * the same directory, across restarts) so that a delivery sent again starts no second run.
 *
 * <p>An event whose run ends the process (a stuck run) is run again after the restart, up to {@link #MAX_ATTEMPTS}
 * times in all; then it is dropped with an error in the log, so that one event cannot keep an agent in a crash loop.
 *
 * <p>Replicas of an agent each keep their own journal; a delivery the Service sent to two of them is kept by both, and
 * {@link #claim} lets only the first to start its run run it ({@link DeliveryClaims}: in the agent's shared memory
 * store). Each kept event has a claimant of its own, kept with it, so a restarted pod running it again is its owner.
 */
public final class EventJournal {

    private static final Logger LOG = LoggerFactory.getLogger(EventJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_ATTEMPTS = 3;
    private static final String EVENT_SUFFIX = ".event.json";
    private static final String DELIVERED = "delivered-ids";

    private final Path directory;
    private final int capacity;
    private final int remembered;
    private final DeliveryClaims claims;
    private final Deque<Pending> queue = new ArrayDeque<>();
    /** Delivery ids of the events waiting or running. */
    private final Set<String> waitingDeliveries = new HashSet<>();
    /** Delivery ids of the last {@code remembered} events run, oldest first. */
    private final SequencedSet<String> runDeliveries = new LinkedHashSet<>();

    private int inProgress;
    /** Offered events being written: they hold a place in the queue already. */
    private int writing;

    private long sequence;
    private int deliveredLines;

    /**
     * An accepted event and where it is kept.
     *
     * @param claimant who claims its delivery among the replicas: this pod's name and a random part, made when the
     *     event was accepted
     */
    public record Pending(
            Event event,
            Optional<String> deliveryId,
            Map<String, String> trace,
            int attempt,
            String claimant,
            Path file) {

        Pending nextAttempt() {
            return new Pending(event, deliveryId, trace, attempt + 1, claimant, file);
        }
    }

    /** What became of an offered event. */
    public sealed interface Offer {
        /** Kept; {@code waiting} events (this one included) are before the agent's next free run. */
        record Queued(Event event, int waiting) implements Offer {}

        /** A delivery id seen before: this delivery starts no run. */
        record Duplicate(String deliveryId) implements Offer {}

        /** {@code capacity} events wait already. */
        record Full(int capacity) implements Offer {}
    }

    private EventJournal(Path directory, int capacity, int remembered, DeliveryClaims claims) {
        this.directory = directory;
        this.capacity = capacity;
        this.remembered = remembered;
        this.claims = claims;
    }

    /** Opens the journal of a single replica: {@link DeliveryClaims#PER_POD}. */
    public static EventJournal open(Path directory, int capacity, int remembered) {
        return open(directory, capacity, remembered, DeliveryClaims.PER_POD);
    }

    /**
     * Opens the journal in {@code directory} (created if missing) with the events a previous process left.
     *
     * @param remembered how many delivery ids of run events are kept to recognize repeated deliveries
     * @param claims where replicas agree which of them runs a delivery
     */
    public static EventJournal open(Path directory, int capacity, int remembered, DeliveryClaims claims) {
        EventJournal journal = new EventJournal(directory, capacity, remembered, claims);
        try {
            Files.createDirectories(directory);
            journal.load();
        } catch (IOException unusable) {
            throw new UncheckedIOException("events cannot be kept in " + directory, unusable);
        }
        return journal;
    }

    private void load() throws IOException {
        Path delivered = directory.resolve(DELIVERED);
        if (Files.exists(delivered)) {
            List<String> ids = Files.readAllLines(delivered, StandardCharsets.UTF_8);
            deliveredLines = ids.size();
            ids.stream().skip(Math.max(0, ids.size() - remembered)).forEach(this::remember);
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.filter(file -> file.getFileName().toString().endsWith(EVENT_SUFFIX))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            JsonNode entry = JSON.readTree(file.toFile());
            Event event =
                    new Event(entry.path("id").asText(), entry.path("source").asText(), entry.path("payload"));
            Map<String, String> trace = new HashMap<>();
            entry.path("trace")
                    .properties()
                    .forEach(e -> trace.put(e.getKey(), e.getValue().asText()));
            Optional<String> deliveryId =
                    Optional.ofNullable(entry.path("delivery").textValue());
            // an event kept before claimants were: its first attempt here writes the one it gets now
            String claimant =
                    Optional.ofNullable(entry.path("claimant").textValue()).orElseGet(EventJournal::newClaimant);
            queue.add(new Pending(
                    event, deliveryId, Map.copyOf(trace), entry.path("attempts").asInt(), claimant, file));
            deliveryId.ifPresent(waitingDeliveries::add);
            sequence = Math.max(sequence, sequenceOf(file));
        }
        if (!files.isEmpty()) {
            LOG.info("{} accepted event(s) from before the restart wait to run", files.size());
        }
    }

    /**
     * Keeps an event (on disk first) unless its delivery was seen or the journal is full.
     *
     * @param trace the sender's trace headers, which the run continues
     */
    public Offer offer(Optional<String> deliveryId, String source, JsonNode payload, Map<String, String> trace) {
        Event event;
        Path file;
        synchronized (this) {
            if (deliveryId.isPresent()
                    && (waitingDeliveries.contains(deliveryId.get()) || runDeliveries.contains(deliveryId.get()))) {
                return new Offer.Duplicate(deliveryId.get());
            }
            if (queue.size() + inProgress + writing >= capacity) {
                return new Offer.Full(capacity);
            }
            event = new Event(deliveryId.orElseGet(() -> UUID.randomUUID().toString()), source, payload);
            file = directory.resolve(String.format("%020d%s", ++sequence, EVENT_SUFFIX));
            // claimed before the write: a repeat arriving meanwhile is a duplicate, and the slot is taken
            deliveryId.ifPresent(waitingDeliveries::add);
            writing++;
        }
        Pending pending = new Pending(event, deliveryId, trace, 0, newClaimant(), file);
        // outside the lock: concurrent deliveries are forced to the disk together, not one after the other
        try {
            write(file, entry(pending), true);
        } catch (RuntimeException unwritable) {
            synchronized (this) {
                writing--;
                deliveryId.ifPresent(waitingDeliveries::remove);
            }
            throw unwritable;
        }
        synchronized (this) {
            writing--;
            queue.add(pending);
            notifyAll();
            return new Offer.Queued(event, queue.size() + inProgress);
        }
    }

    /**
     * The oldest waiting event, once there is one; its attempt is counted on disk before it is handed out. An event
     * that has had {@link #MAX_ATTEMPTS} is dropped here.
     */
    public Pending take() throws InterruptedException {
        while (true) {
            Pending next;
            synchronized (this) {
                while (queue.isEmpty()) {
                    wait();
                }
                next = queue.poll();
                if (next.attempt() >= MAX_ATTEMPTS) {
                    LOG.error(
                            "Event {} dropped: its run ended the agent {} times",
                            next.event().id(),
                            next.attempt());
                    forget(next);
                    continue;
                }
                inProgress++;
            }
            Pending attempt = next.nextAttempt();
            // not forced to the disk: only the end of this process (a stuck run) needs the count, and the kernel keeps
            // what a process wrote when the process ends
            write(attempt.file(), entry(attempt), false);
            return attempt;
        }
    }

    /**
     * Claims the delivery of a {@link #take taken} event for this pod's run. When another replica claimed it first,
     * the event is forgotten here as if it had run (its delivery id remembered) and false is returned: run nothing.
     * An event without a delivery id cannot have been sent to another replica, and needs no claim.
     *
     * @throws InterruptedException when the agent stops meanwhile; the event stays kept ({@link #abandoned})
     */
    public boolean claim(Pending pending) throws InterruptedException {
        if (pending.deliveryId().isEmpty() || claims.claim(pending.deliveryId().get(), pending.claimant())) {
            return true;
        }
        LOG.info(
                "Event {} runs on another replica, which claimed its delivery first: no run here",
                pending.event().id());
        done(pending);
        return false;
    }

    /** The event's run ended (in any outcome but the process's end): it is not run again. */
    public synchronized void done(Pending pending) {
        inProgress--;
        forget(pending);
    }

    /** The run was interrupted by the agent's shutdown: the event stays on disk for the next process. */
    public synchronized void abandoned(Pending pending) {
        inProgress--;
    }

    /** Events waiting or running. */
    public synchronized int pending() {
        return queue.size() + inProgress + writing;
    }

    private void forget(Pending pending) {
        pending.deliveryId().ifPresent(id -> {
            waitingDeliveries.remove(id);
            recordDelivered(id);
        });
        try {
            Files.deleteIfExists(pending.file());
        } catch (IOException stuck) {
            throw new UncheckedIOException("event file " + pending.file() + " cannot be deleted", stuck);
        }
    }

    private void recordDelivered(String id) {
        remember(id);
        try {
            if (deliveredLines >= 2 * remembered) {
                // keep the file as small as what is remembered
                Path compacted = directory.resolve(DELIVERED + ".tmp");
                Files.write(compacted, runDeliveries, StandardCharsets.UTF_8);
                Files.move(
                        compacted,
                        directory.resolve(DELIVERED),
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                deliveredLines = runDeliveries.size();
            } else {
                Files.writeString(
                        directory.resolve(DELIVERED),
                        id + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                deliveredLines++;
            }
        } catch (IOException unwritable) {
            LOG.warn("Delivery id not recorded, a repeated delivery after a restart may run again: {}", unwritable);
        }
    }

    private void remember(String id) {
        runDeliveries.remove(id);
        runDeliveries.add(id);
        while (runDeliveries.size() > remembered) {
            runDeliveries.removeFirst();
        }
    }

    private static ObjectNode entry(Pending pending) {
        ObjectNode entry = JSON.createObjectNode()
                .put("id", pending.event().id())
                .put("source", pending.event().source())
                .put("attempts", pending.attempt())
                .put("claimant", pending.claimant());
        pending.deliveryId().ifPresent(id -> entry.put("delivery", id));
        pending.trace().forEach(entry.putObject("trace")::put);
        entry.set("payload", pending.event().payload());
        return entry;
    }

    /** The pod's name (Kubernetes makes it the host name) for the logs of whoever looks at a claim, and a random part. */
    private static String newClaimant() {
        return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("agent") + "/" + UUID.randomUUID();
    }

    /**
     * Writes a new version of the file whole, then moves it in place in one step.
     *
     * @param force whether the content is forced to the disk first, to outlive the machine and not only the process
     */
    private static void write(Path file, ObjectNode entry, boolean force) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(
                    temporary,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(JSON.writeValueAsBytes(entry)));
                if (force) {
                    channel.force(true);
                }
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException unwritable) {
            throw new UncheckedIOException("event cannot be kept in " + file, unwritable);
        }
    }

    private static long sequenceOf(Path file) {
        String name = file.getFileName().toString();
        try {
            return Long.parseLong(name.substring(0, name.length() - EVENT_SUFFIX.length()));
        } catch (NumberFormatException foreign) {
            return 0;
        }
    }
}
