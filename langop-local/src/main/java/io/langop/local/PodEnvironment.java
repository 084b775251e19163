package io.langop.local;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment of a container process: the pod spec's variables with {@code valueFrom} and
 * {@code envFrom} resolved, then translated from the pod's world to this machine — mount paths
 * become the volume directories, {@code localhost:<containerPort>} becomes the loopback port of
 * the container in the same pod that declares it, and Service URLs become the loopback port of the
 * {@link ServiceRouter}.
 */
final class PodEnvironment {

    private static final Pattern URL = Pattern.compile("(https?)://([A-Za-z0-9.-]+)(?::(\\d+))?");
    private static final List<String> SERVICE_SUFFIXES = List.of(".svc.cluster.local", ".svc");

    private final KubernetesClient client;
    private final ServiceRouter router;
    private final EnvironmentOverrides overrides;

    PodEnvironment(KubernetesClient client, ServiceRouter router, EnvironmentOverrides overrides) {
        this.client = client;
        this.router = router;
        this.overrides = overrides;
    }

    /**
     * The environment a container process starts with: {@link #resolve resolved}, {@link #localize localized}, the
     * API server's address when the pod mounts a ServiceAccount token, then the local {@link EnvironmentOverrides}.
     */
    Map<String, String> forContainer(
            String namespace,
            String podName,
            Container container,
            Map<String, Path> mounts,
            Map<Integer, Integer> podPorts,
            boolean serviceAccountToken)
            throws MissingObjectException {
        Map<String, String> local = localize(namespace, resolve(namespace, podName, container), mounts, podPorts);
        if (serviceAccountToken) {
            apiServerAccess(namespace).forEach(local::putIfAbsent);
        }
        return overrides.apply(container.getImage(), local);
    }

    /**
     * In a cluster a pod that mounts its ServiceAccount token finds the API server from the kubelet's variables and
     * the token's files; here the Kubernetes client of a langop process (the dashboard's) is pointed at the store the
     * operator uses, in the pod's namespace, and told not to read the developer's own kubeconfig, which would reach a
     * real cluster instead.
     */
    private Map<String, String> apiServerAccess(String namespace) {
        return Map.of(
                "KUBERNETES_MASTER",
                client.getMasterUrl().toString(),
                "KUBERNETES_NAMESPACE",
                namespace,
                "KUBERNETES_AUTH_TRYKUBECONFIG",
                "false",
                "KUBERNETES_AUTH_TRYSERVICEACCOUNT",
                "false");
    }

    /** The variables as the container would see them in a cluster. */
    Map<String, String> resolve(String namespace, String podName, Container container) throws MissingObjectException {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource source : Objects.requireNonNullElse(container.getEnvFrom(), List.<EnvFromSource>of())) {
            String prefix = Objects.requireNonNullElse(source.getPrefix(), "");
            if (source.getConfigMapRef() != null) {
                ConfigMap configMap = client.configMaps()
                        .inNamespace(namespace)
                        .withName(source.getConfigMapRef().getName())
                        .get();
                if (configMap == null
                        && !Boolean.TRUE.equals(source.getConfigMapRef().getOptional())) {
                    throw MissingObjectException.configMap(
                            namespace, source.getConfigMapRef().getName(), null);
                }
                if (configMap != null && configMap.getData() != null) {
                    configMap.getData().forEach((key, value) -> env.put(prefix + key, value));
                }
            } else if (source.getSecretRef() != null) {
                Secret secret = client.secrets()
                        .inNamespace(namespace)
                        .withName(source.getSecretRef().getName())
                        .get();
                if (secret == null && !Boolean.TRUE.equals(source.getSecretRef().getOptional())) {
                    throw MissingObjectException.secret(
                            namespace, source.getSecretRef().getName(), null);
                }
                if (secret != null) {
                    PodVolumes.secretData(secret)
                            .forEach((key, value) -> env.put(prefix + key, new String(value, StandardCharsets.UTF_8)));
                }
            }
        }
        for (EnvVar variable : Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of())) {
            String value = value(namespace, podName, variable);
            if (value != null) {
                env.put(variable.getName(), value);
            }
        }
        return env;
    }

    /**
     * Rewrites paths and URLs for this machine.
     *
     * @param mounts   container mount path → host directory, longest first
     * @param podPorts container port → loopback port, for every port a container of the pod declares
     */
    Map<String, String> localize(
            String namespace, Map<String, String> env, Map<String, Path> mounts, Map<Integer, Integer> podPorts) {
        Map<String, String> local = new LinkedHashMap<>();
        env.forEach((name, value) -> local.put(name, urls(namespace, paths(value, mounts), podPorts)));
        return local;
    }

    private String value(String namespace, String podName, EnvVar variable) throws MissingObjectException {
        var from = variable.getValueFrom();
        if (from == null) {
            return Objects.requireNonNullElse(variable.getValue(), "");
        }
        if (from.getSecretKeyRef() != null) {
            var ref = from.getSecretKeyRef();
            Secret secret = client.secrets()
                    .inNamespace(namespace)
                    .withName(ref.getName())
                    .get();
            byte[] value = secret == null ? null : PodVolumes.secretData(secret).get(ref.getKey());
            if (value == null && !Boolean.TRUE.equals(ref.getOptional())) {
                throw MissingObjectException.secret(namespace, ref.getName(), ref.getKey());
            }
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }
        if (from.getConfigMapKeyRef() != null) {
            var ref = from.getConfigMapKeyRef();
            ConfigMap configMap = client.configMaps()
                    .inNamespace(namespace)
                    .withName(ref.getName())
                    .get();
            String value = configMap == null || configMap.getData() == null
                    ? null
                    : configMap.getData().get(ref.getKey());
            if (value == null && !Boolean.TRUE.equals(ref.getOptional())) {
                throw MissingObjectException.configMap(namespace, ref.getName(), ref.getKey());
            }
            return value;
        }
        if (from.getFieldRef() != null) {
            return switch (from.getFieldRef().getFieldPath()) {
                case "metadata.name" -> podName;
                case "metadata.namespace" -> namespace;
                case "status.podIP", "status.hostIP" -> "127.0.0.1";
                default ->
                    throw new IllegalArgumentException("env " + variable.getName() + ": fieldRef "
                            + from.getFieldRef().getFieldPath() + " is not supported by the harness");
            };
        }
        throw new IllegalArgumentException(
                "env " + variable.getName() + ": resourceFieldRef is not supported by the harness");
    }

    private static String paths(String value, Map<String, Path> mounts) {
        for (var mount : mounts.entrySet()) {
            String mountPath = mount.getKey();
            if (value.equals(mountPath) || value.startsWith(mountPath + "/")) {
                return mount.getValue() + value.substring(mountPath.length());
            }
        }
        return value;
    }

    /**
     * Service URLs in the text of a mounted ConfigMap, mapped as in the environment: the console's client.json names
     * its agents' and models' Services. Files are written before the pod's own ports are known, so {@code localhost}
     * URLs stay as they are.
     */
    String serviceUrls(String namespace, String text) {
        return urls(namespace, text, Map.of());
    }

    private String urls(String namespace, String value, Map<Integer, Integer> podPorts) {
        Matcher url = URL.matcher(value);
        StringBuilder out = new StringBuilder();
        while (url.find()) {
            String host = url.group(2);
            int port = url.group(3) != null
                    ? Integer.parseInt(url.group(3))
                    : url.group(1).equals("https") ? 443 : 80;
            Integer local = local(namespace, host, port, podPorts);
            url.appendReplacement(
                    out,
                    Matcher.quoteReplacement(local == null ? url.group() : url.group(1) + "://127.0.0.1:" + local));
        }
        url.appendTail(out);
        return out.toString();
    }

    /** The loopback port that answers for {@code host:port} inside the pod, or null to leave it as is. */
    private Integer local(String namespace, String host, int port, Map<Integer, Integer> podPorts) {
        if (host.equals("localhost") || host.equals("127.0.0.1")) {
            return podPorts.get(port);
        }
        for (String suffix : SERVICE_SUFFIXES) {
            if (host.endsWith(suffix)) {
                String[] parts =
                        host.substring(0, host.length() - suffix.length()).split("\\.", -1);
                return router.localPort(parts.length > 1 ? parts[1] : namespace, parts[0], port);
            }
        }
        // `name` and `name.namespace` are Service names only when such a Service exists
        String[] parts = host.split("\\.", -1);
        if (parts.length <= 2) {
            String serviceNamespace = parts.length == 2 ? parts[1] : namespace;
            if (client.services()
                            .inNamespace(serviceNamespace)
                            .withName(parts[0])
                            .get()
                    != null) {
                return router.localPort(serviceNamespace, parts[0], port);
            }
        }
        return null;
    }
}
