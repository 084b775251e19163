package io.langop.operator.trigger;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The events waiting for an agent, oldest first, one per {@link Forwarded#key}: a newer event of a waiting key is
 * merged into it ({@link Forwarded#merge}), so the queue holds at most one event per watched object and schedule.
 * Bounded for the kinds whose objects come and go (Events): beyond {@link #capacity} a new key is refused, and the
 * object's change stays undelivered in {@link DeliveredState}, so the next relist delivers it.
 */
final class PendingEvents {

    private final int capacity;
    private final Map<String, Forwarded> waiting = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();

    PendingEvents(int capacity) {
        this.capacity = capacity;
    }

    /** Adds or merges the event; false when the queue is full and it was not kept. */
    boolean offer(Forwarded event) {
        lock.lock();
        try {
            Forwarded before = waiting.get(event.key());
            if (before != null) {
                waiting.put(event.key(), before.merge(event));
                return true;
            }
            if (waiting.size() >= capacity) {
                return false;
            }
            waiting.put(event.key(), event);
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the oldest event, waiting for one. */
    Forwarded take() throws InterruptedException {
        lock.lock();
        try {
            while (waiting.isEmpty()) {
                notEmpty.await();
            }
            Iterator<Forwarded> oldest = waiting.values().iterator();
            Forwarded event = oldest.next();
            oldest.remove();
            return event;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }
}
