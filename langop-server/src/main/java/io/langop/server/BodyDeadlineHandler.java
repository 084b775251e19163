package io.langop.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A request body must arrive whole within a deadline counted from its head: a client trickling body bytes inside
 * the idle timeout would otherwise hold a connection and a servlet's thread for as long as it likes. The deadline
 * is enforced while the servlet waits for body bytes (a pending demand), never after: a servlet that has read
 * what it needs and then works or streams its answer for minutes is not touched. Past it the request fails with
 * 408 and the connection closes. Jetty 12's own minimum data rate ({@code HttpConfiguration.minRequestDataRate})
 * bounds no time by itself (a client keeping to the rate may send a capped body for hours), hence a deadline.
 */
final class BodyDeadlineHandler extends Handler.Wrapper {

    private final Duration timeout;

    BodyDeadlineHandler(Duration timeout, Handler handler) {
        super(handler);
        this.timeout = timeout;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.getLength() == 0) {
            return super.handle(request, response, callback);
        }
        return super.handle(new DeadlineRequest(request, System.nanoTime() + timeout.toNanos()), response, callback);
    }

    private final class DeadlineRequest extends Request.Wrapper {
        private final long deadline;

        DeadlineRequest(Request request, long deadline) {
            super(request);
            this.deadline = deadline;
        }

        @Override
        public void demand(Runnable onContent) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail(tooSlow());
                super.demand(onContent);
                return;
            }
            // failing the request serves the pending demand: the servlet's read then gets the 408
            Scheduler.Task expiry =
                    getComponents().getScheduler().schedule(() -> fail(tooSlow()), left, TimeUnit.NANOSECONDS);
            super.demand(() -> {
                expiry.cancel();
                onContent.run();
            });
        }

        private HttpException.RuntimeException tooSlow() {
            return new HttpException.RuntimeException(
                    HttpStatus.REQUEST_TIMEOUT_408,
                    "The request body did not arrive whole within " + Durations.text(timeout) + ".");
        }
    }
}
