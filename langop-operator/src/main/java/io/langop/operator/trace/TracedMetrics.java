package io.langop.operator.trace;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.processing.Controller;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.langop.server.metrics.MeterBuilders;
import io.langop.trace.SpanScope;
import io.langop.trace.TraceAttributes;
import io.langop.trace.Traces;
import io.langop.wire.Meters;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * JOSDK's metrics hook, used to make each reconcile (and cleanup) the root span of a trace of its own and to time it
 * in the {@link Meters#OPERATOR_RECONCILE_DURATION} histogram: JOSDK times every controller execution through
 * {@link #timeControllerExecution}, on the thread that runs it, so the API calls and syntheses a reconcile starts
 * are its children, and the histogram's exemplar is the reconcile's trace. Every other call goes to the metrics it
 * wraps.
 */
public final class TracedMetrics implements Metrics {

    private final Metrics metrics;
    private final MeterRegistry registry;

    public TracedMetrics(Metrics metrics, MeterRegistry registry) {
        this.metrics = metrics;
        this.registry = registry;
    }

    @Override
    public <T> T timeControllerExecution(ControllerExecution<T> execution) throws Exception {
        ResourceID resource = execution.resourceID();
        try (SpanScope span = SpanScope.start(Traces.span(
                        execution.name() + " " + execution.controllerName(), SpanKind.INTERNAL)
                .setParent(Context.root()) // a reconcile is no part of whatever ran on this thread before
                .setAttribute(TraceAttributes.K8S_KIND, execution.controllerName())
                .setAttribute(TraceAttributes.K8S_NAME, resource.getName())
                .setAttribute(
                        TraceAttributes.K8S_NAMESPACE, resource.getNamespace().orElse("")))) {
            long started = System.nanoTime();
            String outcome = "error";
            try {
                T result = metrics.timeControllerExecution(execution);
                outcome = "success";
                return result;
            } catch (Exception | Error failure) {
                span.fail(failure);
                throw failure;
            } finally {
                MeterBuilders.timer(Meters.OPERATOR_RECONCILE_DURATION)
                        .tags(
                                "controller",
                                execution.controllerName(),
                                "operation",
                                execution.name(),
                                "outcome",
                                outcome)
                        .register(registry)
                        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        }
    }

    @Override
    public void controllerRegistered(Controller<? extends HasMetadata> controller) {
        metrics.controllerRegistered(controller);
    }

    @Override
    public void receivedEvent(Event event, Map<String, Object> metadata) {
        metrics.receivedEvent(event, metadata);
    }

    @Override
    public void reconcileCustomResource(HasMetadata resource, RetryInfo retryInfo, Map<String, Object> metadata) {
        metrics.reconcileCustomResource(resource, retryInfo, metadata);
    }

    @Override
    public void failedReconciliation(HasMetadata resource, Exception exception, Map<String, Object> metadata) {
        metrics.failedReconciliation(resource, exception, metadata);
    }

    @Override
    public void reconciliationExecutionStarted(HasMetadata resource, Map<String, Object> metadata) {
        metrics.reconciliationExecutionStarted(resource, metadata);
    }

    @Override
    public void reconciliationExecutionFinished(HasMetadata resource, Map<String, Object> metadata) {
        metrics.reconciliationExecutionFinished(resource, metadata);
    }

    @Override
    public void cleanupDoneFor(ResourceID resourceID, Map<String, Object> metadata) {
        metrics.cleanupDoneFor(resourceID, metadata);
    }

    @Override
    public void finishedReconciliation(HasMetadata resource, Map<String, Object> metadata) {
        metrics.finishedReconciliation(resource, metadata);
    }

    @Override
    public <T extends Map<?, ?>> T monitorSizeOf(T map, String name) {
        return metrics.monitorSizeOf(map, name);
    }
}
