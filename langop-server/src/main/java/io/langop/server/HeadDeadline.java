package io.langop.server;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request's head (request line and headers) must arrive whole within a deadline of its first byte; Jetty 12 has
 * no such bound, and its idle timeout restarts with every byte, so a client sending a header byte now and then
 * held its connection for good (8 KiB of headers at a byte per 29 s: 66 hours). Every quarter of the deadline
 * (at most every second) the connector's connections are looked at: one whose parser has been inside the same
 * head since a deadline ago is closed. A connection idle between requests (its parser at the start) is the idle
 * timeout's business, and a request being handled is past its head, so neither is touched. A head is seen at the
 * first look after its first byte and closed at the first look past the deadline: the bound is the deadline plus
 * two looks.
 *
 * <p>Jetty's {@code HttpConnection} is in its {@code internal} package, but its parser, public there, is the one
 * place where a head's progress shows. The parser's state is read from the scheduler's thread while the
 * connection's thread writes it; a stale read only delays the close by one look.
 */
final class HeadDeadline extends AbstractLifeCycle implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(HeadDeadline.class);

    private final AbstractConnector connector;
    private final long timeoutNanos;
    private final long periodNanos;
    private final String timeoutText;
    /** The connections inside a head at the last look: which head (the requests before it) and since when. */
    private final Map<EndPoint, Head> heads = new ConcurrentHashMap<>();

    private volatile Scheduler.Task next;

    private record Head(long requestsBefore, long since) {}

    HeadDeadline(AbstractConnector connector, Duration timeout) {
        this.connector = connector;
        this.timeoutNanos = timeout.toNanos();
        this.periodNanos = Math.min(TimeUnit.SECONDS.toNanos(1), timeoutNanos / 4);
        this.timeoutText = Durations.text(timeout);
    }

    @Override
    protected void doStart() {
        schedule();
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = next;
        if (task != null) {
            task.cancel();
        }
        heads.clear();
    }

    private void schedule() {
        next = connector.getScheduler().schedule(this, periodNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void run() {
        try {
            look(System.nanoTime());
        } finally {
            if (isRunning()) {
                schedule();
            }
        }
    }

    private void look(long now) {
        Set<EndPoint> inHead = new HashSet<>();
        for (EndPoint endPoint : connector.getConnectedEndPoints()) {
            if (!(endPoint.getConnection() instanceof HttpConnection http) || !insideAHead(http.getParser())) {
                continue;
            }
            inHead.add(endPoint);
            long requestsBefore = http.getMessagesIn();
            Head head = heads.compute(
                    endPoint,
                    (key, known) -> known != null && known.requestsBefore() == requestsBefore
                            ? known
                            : new Head(requestsBefore, now));
            if (now - head.since() >= timeoutNanos) {
                LOG.debug("closing {}: its request head did not arrive within {}", endPoint, timeoutText);
                endPoint.close(new TimeoutException("request head not received whole within " + timeoutText));
            }
        }
        heads.keySet().retainAll(inHead);
    }

    private static boolean insideAHead(HttpParser parser) {
        return parser.inHeaderState() && !parser.isStart();
    }
}
