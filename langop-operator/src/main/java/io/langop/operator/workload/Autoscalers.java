package io.langop.operator.workload;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.langop.api.v1alpha1.client.Autoscaling;
import io.langop.api.v1alpha1.client.CustomMetric;
import io.langop.operator.kube.Owners;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The HorizontalPodAutoscaler (autoscaling/v2) of a Deployment, from an {@code Autoscaling} spec.
 * While it is enabled the autoscaler owns the Deployment's replica count, so the operator keeps
 * whatever count it finds instead of writing its own back (see {@link #replicas}).
 */
public final class Autoscalers {

    public static final int DEFAULT_MIN = 2;
    public static final int DEFAULT_MAX = 10;

    private Autoscalers() {}

    public static boolean enabled(Autoscaling spec) {
        return spec != null && Boolean.TRUE.equals(spec.getEnabled());
    }

    /** What makes an autoscaling spec unusable although the API server accepted it. */
    public static List<String> problems(Autoscaling spec, String field) {
        List<String> problems = new ArrayList<>();
        if (!enabled(spec)) {
            return problems;
        }
        if (min(spec) > max(spec)) {
            problems.add(field + ".minReplicas must not exceed maxReplicas");
        }
        for (CustomMetric metric : Objects.requireNonNullElse(spec.getCustomMetrics(), List.<CustomMetric>of())) {
            if (metric.getType() == null || metric.getName() == null || !isQuantity(metric.getTarget())) {
                problems.add(field + ".customMetrics '" + metric.getName()
                        + "' needs a type and a target quantity (e.g. 100 or 500m), got '" + metric.getTarget() + "'");
            }
        }
        return problems;
    }

    /**
     * The replica count to write into the Deployment: the one the autoscaler set (kept from the
     * current object), else {@code fixed} when autoscaling is off.
     */
    public static int replicas(Autoscaling spec, Deployment current, int fixed) {
        if (!enabled(spec)) {
            return fixed;
        }
        Integer scaled = current == null || current.getSpec() == null
                ? null
                : current.getSpec().getReplicas();
        return scaled == null ? min(spec) : Math.clamp(scaled, min(spec), max(spec));
    }

    /**
     * The autoscaler of a component's Deployment, from its spec.
     *
     * @param describedObject the Service that {@code Object} metrics describe (the component's own)
     */
    public static HorizontalPodAutoscaler of(
            HasMetadata owner,
            String name,
            Map<String, String> labels,
            String deployment,
            String describedObject,
            Autoscaling spec) {
        return new HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(owner.getMetadata().getNamespace())
                .withLabels(labels)
                .withOwnerReferences(Owners.controller(owner))
                .endMetadata()
                .withNewSpec()
                .withNewScaleTargetRef()
                .withApiVersion("apps/v1")
                .withKind("Deployment")
                .withName(deployment)
                .endScaleTargetRef()
                .withMinReplicas(min(spec))
                .withMaxReplicas(max(spec))
                .withMetrics(metrics(spec, describedObject))
                .endSpec()
                .build();
    }

    private static List<MetricSpec> metrics(Autoscaling spec, String describedObject) {
        List<MetricSpec> metrics = new ArrayList<>();
        if (spec.getTargetCPUUtilizationPercentage() != null) {
            metrics.add(resource("cpu", spec.getTargetCPUUtilizationPercentage()));
        }
        if (spec.getTargetMemoryUtilizationPercentage() != null) {
            metrics.add(resource("memory", spec.getTargetMemoryUtilizationPercentage()));
        }
        for (CustomMetric metric : Objects.requireNonNullElse(spec.getCustomMetrics(), List.<CustomMetric>of())) {
            Quantity target = new Quantity(metric.getTarget());
            metrics.add(
                    switch (metric.getType()) {
                        case PODS ->
                            new MetricSpecBuilder()
                                    .withType("Pods")
                                    .withNewPods()
                                    .withNewMetric()
                                    .withName(metric.getName())
                                    .endMetric()
                                    .withNewTarget()
                                    .withType("AverageValue")
                                    .withAverageValue(target)
                                    .endTarget()
                                    .endPods()
                                    .build();
                        case OBJECT ->
                            new MetricSpecBuilder()
                                    .withType("Object")
                                    .withNewObject()
                                    .withNewDescribedObject()
                                    .withApiVersion("v1")
                                    .withKind("Service")
                                    .withName(describedObject)
                                    .endDescribedObject()
                                    .withNewMetric()
                                    .withName(metric.getName())
                                    .endMetric()
                                    .withNewTarget()
                                    .withType("Value")
                                    .withValue(target)
                                    .endTarget()
                                    .endObject()
                                    .build();
                        case EXTERNAL ->
                            new MetricSpecBuilder()
                                    .withType("External")
                                    .withNewExternal()
                                    .withNewMetric()
                                    .withName(metric.getName())
                                    .endMetric()
                                    .withNewTarget()
                                    .withType("Value")
                                    .withValue(target)
                                    .endTarget()
                                    .endExternal()
                                    .build();
                    });
        }
        // without any metric the autoscaler would scale on nothing; CPU at 80% is its own default
        if (metrics.isEmpty()) {
            metrics.add(resource("cpu", 80));
        }
        return metrics;
    }

    private static MetricSpec resource(String name, int utilization) {
        return new MetricSpecBuilder()
                .withType("Resource")
                .withNewResource()
                .withName(name)
                .withNewTarget()
                .withType("Utilization")
                .withAverageUtilization(utilization)
                .endTarget()
                .endResource()
                .build();
    }

    private static int min(Autoscaling spec) {
        return Objects.requireNonNullElse(spec.getMinReplicas(), DEFAULT_MIN);
    }

    private static int max(Autoscaling spec) {
        return Objects.requireNonNullElse(spec.getMaxReplicas(), DEFAULT_MAX);
    }

    private static boolean isQuantity(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        try {
            Quantity.getAmountInBytes(new Quantity(text));
            return true;
        } catch (IllegalArgumentException | ArithmeticException e) {
            return false;
        }
    }
}
