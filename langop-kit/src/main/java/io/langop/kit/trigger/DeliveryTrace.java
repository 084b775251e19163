package io.langop.kit.trigger;

import io.langop.trace.SpanScope;
import io.langop.trace.TraceAttributes;
import io.langop.trace.TraceHeaders;
import io.langop.trace.Traces;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * The trace of one delivery by {@link SignedEventPoster}: a span {@code deliver <agent>/<trigger>} from the first
 * attempt to the agent's last answer (retries and their pauses included), and under it a span {@code POST} per HTTP
 * attempt, whose W3C trace context goes with that attempt's request. The agent's run continues the {@code traceparent}
 * its event came with, so it is a child of the attempt that delivered it: one trace from the sender to the run. While
 * the delivery span is current the delivery's meters are recorded, so the duration histogram's exemplar is this trace.
 *
 * <p>The delivery is {@link SpanKind#PRODUCER}: the sender hands an event over and the agent runs it later, after its
 * answer (202 means queued), which is what OpenTelemetry's messaging conventions call a producer; a {@code CLIENT} span
 * would say the caller waits for the work to be done. Each attempt is an HTTP request answered at once, so it is
 * {@code CLIENT} with the HTTP conventions' attributes, as the model proxy traces each upstream attempt.
 *
 * <p>A delivery starts its own trace (its parent is the root context, not whatever ran on the thread before): its
 * natural causes are no spans. The operator's watch events and schedule firings, and the email tool's IMAP checks, are
 * not traced; a delivery may carry several changes of an object merged while the agent was away, and waits for as long
 * as the agent takes, so a parent in a watch loop would make traces of hours that end long after their root.
 *
 * <p>With tracing off, {@link #start} answers one shared instance that does nothing: no span, no header, no object per
 * delivery.
 */
final class DeliveryTrace implements AutoCloseable {

    private static final DeliveryTrace OFF = new DeliveryTrace(null);
    private static final String METHOD = "POST";

    private final SpanScope delivery;

    private DeliveryTrace(SpanScope delivery) {
        this.delivery = delivery;
    }

    /** The delivery's span, current until {@link #close()}; nothing when tracing is off. */
    static DeliveryTrace start(WebhookRecipient recipient, OutgoingEvent event) {
        if (!Traces.enabled()) {
            return OFF;
        }
        SpanBuilder span = Traces.span("deliver " + recipient.agent() + "/" + recipient.trigger(), SpanKind.PRODUCER)
                .setParent(Context.root())
                .setAttribute(TraceAttributes.AGENT, recipient.agent())
                .setAttribute(TraceAttributes.TRIGGER, recipient.trigger())
                .setAttribute(TraceAttributes.TRIGGER_TYPE, recipient.triggerType())
                .setAttribute(TraceAttributes.CLOUDEVENTS_ID, event.id())
                .setAttribute(TraceAttributes.CLOUDEVENTS_TYPE, event.type());
        recipient.agentNamespace().ifPresent(namespace -> span.setAttribute(TraceAttributes.K8S_NAMESPACE, namespace));
        return new DeliveryTrace(SpanScope.start(span));
    }

    /** The span of attempt {@code number} (1 for the first), current until its {@link Attempt#close()}. */
    Attempt attempt(int number, URI endpoint) {
        if (delivery == null) {
            return Attempt.OFF;
        }
        SpanBuilder span = Traces.span(METHOD, SpanKind.CLIENT)
                .setAttribute(TraceAttributes.HTTP_METHOD, METHOD)
                .setAttribute(TraceAttributes.URL_FULL, endpoint.toString());
        if (endpoint.getHost() != null) {
            span.setAttribute(TraceAttributes.SERVER_ADDRESS, endpoint.getHost())
                    .setAttribute(TraceAttributes.SERVER_PORT, (long) endpoint.getPort());
        }
        if (number > 1) {
            span.setAttribute(TraceAttributes.HTTP_RESEND_COUNT, (long) number - 1);
        }
        return new Attempt(SpanScope.start(span));
    }

    /** The agent has the event: its last answer's status after {@code attempts} attempts. */
    void delivered(int attempts, int status) {
        if (delivery != null) {
            ended(attempts, status);
        }
    }

    /** The agent refused the event as broken ({@code status} 400 or 413): given up. */
    void refused(int attempts, int status) {
        if (delivery != null) {
            ended(attempts, status);
            delivery.fail(Integer.toString(status), "the agent refused the event as broken (HTTP " + status + ")");
        }
    }

    /** The sender stopped before the agent had the event. */
    void stopped(int attempts, InterruptedException stopped) {
        if (delivery != null) {
            delivery.span().setAttribute(TraceAttributes.TRIGGER_ATTEMPTS, (long) attempts);
            delivery.fail(stopped);
        }
    }

    private void ended(int attempts, int status) {
        delivery.span()
                .setAttribute(TraceAttributes.TRIGGER_ATTEMPTS, (long) attempts)
                .setAttribute(TraceAttributes.HTTP_STATUS, (long) status);
    }

    @Override
    public void close() {
        if (delivery != null) {
            delivery.close();
        }
    }

    /** One HTTP attempt of the delivery. */
    static final class Attempt implements AutoCloseable {

        private static final Attempt OFF = new Attempt(null);

        private final SpanScope span;

        private Attempt(SpanScope span) {
            this.span = span;
        }

        /** Adds this attempt's {@code traceparent} and {@code tracestate}, so the agent's run continues this trace. */
        HttpRequest.Builder propagate(HttpRequest.Builder request) {
            if (span != null) {
                TraceHeaders.inject(request::header);
            }
            return request;
        }

        void answered(int status) {
            if (span != null) {
                span.span().setAttribute(TraceAttributes.HTTP_STATUS, (long) status);
                if (status / 100 != 2) {
                    span.fail(Integer.toString(status), "the agent answered HTTP " + status);
                }
            }
        }

        void failed(Exception failure) {
            if (span != null) {
                span.fail(failure);
            }
        }

        @Override
        public void close() {
            if (span != null) {
                span.close();
            }
        }
    }
}
