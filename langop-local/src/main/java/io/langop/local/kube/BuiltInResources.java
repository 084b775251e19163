package io.langop.local.kube;

import java.util.List;

/**
 * The built-in resources {@code langop local}'s API server serves: what the operator creates and the pod runner
 * plays, with the short names and categories kubectl knows them by ({@code kubectl get all} lists the category
 * {@code all}).
 */
final class BuiltInResources {

    private static final List<String> ALL = List.of("all");
    private static final List<String> STATUS = List.of("status");

    static final List<ApiResource> LIST = List.of(
            ApiResource.builtIn("", "v1", "namespaces", "Namespace", false, List.of("ns"), List.of(), STATUS),
            ApiResource.builtIn("", "v1", "pods", "Pod", true, List.of("po"), ALL, List.of("status", "log")),
            ApiResource.builtIn("", "v1", "services", "Service", true, List.of("svc"), ALL, STATUS),
            ApiResource.builtIn("", "v1", "configmaps", "ConfigMap", true, List.of("cm"), List.of(), List.of()),
            ApiResource.builtIn("", "v1", "secrets", "Secret", true, List.of(), List.of(), List.of()),
            ApiResource.builtIn("", "v1", "events", "Event", true, List.of("ev"), List.of(), List.of()),
            ApiResource.builtIn(
                    "",
                    "v1",
                    "persistentvolumeclaims",
                    "PersistentVolumeClaim",
                    true,
                    List.of("pvc"),
                    List.of(),
                    STATUS),
            ApiResource.builtIn(
                    "", "v1", "serviceaccounts", "ServiceAccount", true, List.of("sa"), List.of(), List.of()),
            ApiResource.builtIn("apps", "v1", "deployments", "Deployment", true, List.of("deploy"), ALL, STATUS),
            ApiResource.builtIn("apps", "v1", "replicasets", "ReplicaSet", true, List.of("rs"), ALL, STATUS),
            ApiResource.builtIn("batch", "v1", "jobs", "Job", true, List.of(), ALL, STATUS),
            ApiResource.builtIn("batch", "v1", "cronjobs", "CronJob", true, List.of("cj"), ALL, STATUS),
            ApiResource.builtIn(
                    "networking.k8s.io",
                    "v1",
                    "networkpolicies",
                    "NetworkPolicy",
                    true,
                    List.of("netpol"),
                    List.of(),
                    List.of()),
            ApiResource.builtIn(
                    "networking.k8s.io", "v1", "ingresses", "Ingress", true, List.of("ing"), List.of(), STATUS),
            ApiResource.builtIn(
                    "policy",
                    "v1",
                    "poddisruptionbudgets",
                    "PodDisruptionBudget",
                    true,
                    List.of("pdb"),
                    List.of(),
                    STATUS),
            ApiResource.builtIn(
                    "autoscaling",
                    "v2",
                    "horizontalpodautoscalers",
                    "HorizontalPodAutoscaler",
                    true,
                    List.of("hpa"),
                    ALL,
                    STATUS),
            ApiResource.builtIn(
                    "apiextensions.k8s.io",
                    "v1",
                    "customresourcedefinitions",
                    "CustomResourceDefinition",
                    false,
                    List.of("crd", "crds"),
                    List.of(),
                    STATUS));

    private BuiltInResources() {}
}
