package io.langop.operator.trace;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.processing.Controller;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.langop.trace.SpanScope;
import io.langop.trace.TraceAttributes;
import io.langop.trace.Traces;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import java.util.Map;

/**
 * JOSDK's metrics hook, used to make each reconcile (and cleanup) the root span of a trace of its own: JOSDK times
 * every controller execution through {@link #timeControllerExecution}, on the thread that runs it, so the API calls
 * and syntheses a reconcile starts are its children. Every other call goes to the metrics it wraps.
 */
public final class TracedMetrics implements Metrics {

    private final Metrics metrics;

    public TracedMetrics(Metrics metrics) {
        this.metrics = metrics;
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
            try {
                return metrics.timeControllerExecution(execution);
            } catch (Exception | Error failure) {
                span.fail(failure);
                throw failure;
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
