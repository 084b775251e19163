package io.langop.operator.monitoring;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.Owners;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ServiceMonitors the operator makes: one per owner, in its namespace, selecting the owner's Service. */
public final class ServiceMonitors {

    private ServiceMonitors() {}

    /**
     * A monitor of the owner's Service (selected by {@link Labels#selector}, the labels it keeps for life).
     *
     * @param extraLabels the labels a Prometheus picks its monitors by; the operator's own ({@code labels}) win, since
     *                    its informer finds its objects by them
     */
    public static ServiceMonitor of(
            HasMetadata owner,
            String name,
            Map<String, String> extraLabels,
            Map<String, String> labels,
            ServiceMonitor.Endpoint endpoint) {
        Map<String, String> merged = new LinkedHashMap<>(extraLabels);
        merged.putAll(labels);
        ServiceMonitor monitor = new ServiceMonitor();
        monitor.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(owner.getMetadata().getNamespace())
                .withLabels(merged)
                .withOwnerReferences(Owners.controller(owner))
                .build());
        monitor.setSpec(new ServiceMonitor.Spec());
        monitor.getSpec().selector = new LabelSelectorBuilder()
                .withMatchLabels(Labels.selector(owner))
                .build();
        monitor.getSpec().endpoints = List.of(endpoint);
        return monitor;
    }
}
