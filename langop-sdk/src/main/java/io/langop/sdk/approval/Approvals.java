package io.langop.sdk.approval;

import com.fasterxml.jackson.databind.JsonNode;
import io.langop.sdk.approval.Approval.State;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The approvals of one agent process: pending ones, which runs wait on and chats refer to, and the last
 * {@value #DECIDED_KEPT} decided ones, so that a person can see what happened. Thread-safe: runs, chat requests and
 * the HTTP endpoint share it.
 */
public final class Approvals {

    static final int DECIDED_KEPT = 100;
    private static final Logger LOG = LoggerFactory.getLogger(Approvals.class);
    private static final SecureRandom IDS = new SecureRandom();

    /** An approval with what only the runtime sees: the exact arguments, and what waits on the decision. */
    static final class Entry {
        private volatile Approval approval;
        private final JsonNode exactArguments;
        private final CompletableFuture<Approval> decision = new CompletableFuture<>();
        /** An approved or denied call of a chat is used once, by the next identical call. */
        private boolean used;

        Entry(Approval approval, JsonNode exactArguments) {
            this.approval = approval;
            this.exactArguments = exactArguments;
        }

        CompletableFuture<Approval> decision() {
            return decision;
        }

        Approval approval() {
            return approval;
        }
    }

    private final Clock clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<Consumer<List<Approval>>> pendingListeners = new CopyOnWriteArrayList<>();

    public Approvals(Clock clock) {
        this.clock = clock;
    }

    /**
     * Tells {@code listener} the pending approvals, oldest first, each time a call starts or stops waiting (asked,
     * decided, expired). It is called on the thread that made the change, possibly while this object is locked: it
     * must neither block nor call back into this object.
     */
    public void onPendingChange(Consumer<List<Approval>> listener) {
        pendingListeners.add(listener);
    }

    /** The approvals that wait for a decision now, oldest first. */
    public synchronized List<Approval> pendingList() {
        return entries.values().stream()
                .map(entry -> entry.approval)
                .filter(approval -> approval.state() == State.PENDING)
                .toList();
    }

    private void pendingChanged() {
        if (!pendingListeners.isEmpty()) {
            List<Approval> pending = pendingList();
            pendingListeners.forEach(listener -> listener.accept(pending));
        }
    }

    /** Every pending approval and the recently decided ones, oldest first. */
    public synchronized List<Approval> list() {
        expireOverdue();
        return entries.values().stream().map(entry -> entry.approval).toList();
    }

    /** How many calls wait for a decision now. */
    public synchronized long pending() {
        expireOverdue();
        return entries.values().stream()
                .filter(entry -> entry.approval.state() == State.PENDING)
                .count();
    }

    /**
     * Decides a pending approval.
     *
     * @throws NoSuchElementException when there is no approval {@code id}
     * @throws IllegalStateException when it was decided already, or has expired
     */
    public Approval decide(String id, boolean approve, String by, String reason) {
        Entry entry;
        synchronized (this) {
            expireOverdue();
            entry = entries.get(id);
            if (entry == null) {
                throw new NoSuchElementException("no approval " + id);
            }
            if (entry.approval.state() != State.PENDING) {
                throw new IllegalStateException("approval " + id + " is "
                        + entry.approval.state().name().toLowerCase(java.util.Locale.ROOT));
            }
            entry.approval =
                    entry.approval.decided(approve ? State.APPROVED : State.DENIED, by, reason, clock.instant());
        }
        LOG.warn(
                "Approval {} {}: call of {}{}",
                id,
                approve ? "approved" : "denied",
                entry.approval.tool(),
                entry.approval.decidedBy().map(person -> " by " + person).orElse(""));
        entry.decision.complete(entry.approval);
        pendingChanged();
        return entry.approval;
    }

    Entry open(String tool, JsonNode arguments, String requestedBy, Instant deadline) {
        Entry entry = opened(tool, arguments, requestedBy, deadline);
        pendingChanged();
        return entry;
    }

    private synchronized Entry opened(String tool, JsonNode arguments, String requestedBy, Instant deadline) {
        Instant now = clock.instant();
        String id = HexFormat.of().formatHex(IDS.generateSeed(4));
        Approval approval = new Approval(
                id,
                tool,
                ArgumentRedaction.redact(arguments),
                requestedBy,
                now,
                deadline,
                State.PENDING,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        Entry entry = new Entry(approval, arguments);
        entries.put(id, entry);
        forgetOldDecisions();
        LOG.warn(
                "Tool call waits for approval {} until {}: {} {} ({})",
                id,
                deadline,
                tool,
                approval.arguments(),
                approval.howToDecide());
        return entry;
    }

    /** Marks a pending approval expired (its deadline passed, or the run waiting on it stopped). */
    void expire(Entry entry, String why) {
        synchronized (this) {
            if (entry.approval.state() != State.PENDING) {
                return;
            }
            entry.approval = entry.approval.decided(State.EXPIRED, null, why, clock.instant());
        }
        LOG.warn("Approval {} expired: {}", entry.approval.id(), why);
        entry.decision.complete(entry.approval);
        pendingChanged();
    }

    /**
     * The approval a chat's call of {@code tool} with exactly these arguments refers to: a pending one, or a decided one
     * not used yet, which this call uses up.
     */
    synchronized Optional<Approval> forChatCall(String tool, JsonNode arguments) {
        expireOverdue();
        for (Entry entry : entries.values()) {
            Approval approval = entry.approval;
            if (!approval.requestedBy().equals(CHAT)
                    || !approval.tool().equals(tool)
                    || !entry.exactArguments.equals(arguments)
                    || entry.used) {
                continue;
            }
            switch (approval.state()) {
                case PENDING -> {
                    return Optional.of(approval);
                }
                case APPROVED, DENIED -> {
                    entry.used = true;
                    return Optional.of(approval);
                }
                case EXPIRED -> {}
            }
        }
        return Optional.empty();
    }

    static final String CHAT = "chat";

    /** A pending approval whose deadline passed is expired when anyone looks, since no run waits to do it. */
    private void expireOverdue() {
        Instant now = clock.instant();
        List<Entry> overdue = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (entry.approval.state() == State.PENDING && now.isAfter(entry.approval.deadline())) {
                overdue.add(entry);
            }
        }
        overdue.forEach(entry -> expire(entry, "nobody decided by its deadline"));
    }

    private void forgetOldDecisions() {
        long decided = entries.values().stream()
                .filter(entry -> entry.approval.state() != State.PENDING)
                .count();
        Iterator<Entry> oldestFirst = entries.values().iterator();
        while (decided > DECIDED_KEPT && oldestFirst.hasNext()) {
            if (oldestFirst.next().approval.state() != State.PENDING) {
                oldestFirst.remove();
                decided--;
            }
        }
    }
}
