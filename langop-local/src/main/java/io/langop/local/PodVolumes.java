package io.langop.local;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A pod's volumes as directories: ConfigMaps and Secrets written out as files (and written again
 * when they change, see {@link LocalPod}; container paths in ConfigMap text become host paths), persistent volume claims as one directory per claim that outlives pods, emptyDirs
 * inside the pod's directory.
 */
final class PodVolumes {

    private final KubernetesClient client;
    private final Path claimsRoot;

    PodVolumes(KubernetesClient client, Path claimsRoot) {
        this.client = client;
        this.claimsRoot = claimsRoot;
    }

    /**
     * Writes every volume of the pod and returns its directory, by volume name; the text of ConfigMap
     * files goes through {@code localizeText} first (see {@link #localizePaths}).
     */
    Map<String, Path> materialize(
            String namespace, List<Volume> volumes, Path podDir, UnaryOperator<String> localizeText)
            throws MissingObjectException {
        Map<String, Path> dirs = new LinkedHashMap<>();
        for (Volume volume : volumes) {
            dirs.put(volume.getName(), materialize(namespace, volume, dir(namespace, volume, podDir), localizeText));
        }
        return dirs;
    }

    /** Where each volume of the pod lives, by volume name, without writing anything. */
    Map<String, Path> dirs(String namespace, List<Volume> volumes, Path podDir) {
        Map<String, Path> dirs = new LinkedHashMap<>();
        volumes.forEach(volume -> dirs.put(volume.getName(), dir(namespace, volume, podDir)));
        return dirs;
    }

    private Path dir(String namespace, Volume volume, Path podDir) {
        return volume.getPersistentVolumeClaim() != null
                ? claimDir(namespace, volume.getPersistentVolumeClaim().getClaimName())
                : podDir.resolve("volumes").resolve(volume.getName());
    }

    /** Every mount path of every container of the pod → host path, longest mount path first. */
    static Map<String, Path> podMounts(PodSpec spec, Map<String, Path> volumeDirs) {
        Map<String, Path> mounts = new java.util.TreeMap<>(java.util.Comparator.comparing(String::length)
                .reversed()
                .thenComparing(java.util.Comparator.naturalOrder()));
        Stream.concat(
                        Objects.requireNonNullElse(spec.getInitContainers(), List.<Container>of()).stream(),
                        Objects.requireNonNullElse(spec.getContainers(), List.<Container>of()).stream())
                .forEach(container -> mounts.putAll(mounts(container, volumeDirs)));
        return mounts;
    }

    /**
     * A configuration file that names files of another volume by their path in the container (the
     * model proxy's config names its API-key files under the Secret's mount) gets the host paths, as
     * environment values do: each mount path, standing as a path of its own, becomes its directory.
     */
    static String localizePaths(String text, Map<String, Path> mounts) {
        String local = text;
        for (var mount : mounts.entrySet()) {
            local = Pattern.compile("(?<![\\w./-])" + Pattern.quote(mount.getKey()) + "(?![\\w.-])")
                    .matcher(local)
                    .replaceAll(Matcher.quoteReplacement(mount.getValue().toString()));
        }
        return local;
    }

    /** Container mount path → host path, longest mount path first so nested mounts win. */
    static Map<String, Path> mounts(Container container, Map<String, Path> volumeDirs) {
        Map<String, Path> mounts = new java.util.TreeMap<>(java.util.Comparator.comparing(String::length)
                .reversed()
                .thenComparing(java.util.Comparator.naturalOrder()));
        for (VolumeMount mount : Objects.requireNonNullElse(container.getVolumeMounts(), List.<VolumeMount>of())) {
            Path dir = volumeDirs.get(mount.getName());
            if (dir == null) {
                throw new IllegalArgumentException(
                        "container " + container.getName() + " mounts unknown volume " + mount.getName());
            }
            mounts.put(
                    mount.getMountPath(),
                    mount.getSubPath() == null || mount.getSubPath().isEmpty() ? dir : dir.resolve(mount.getSubPath()));
        }
        return mounts;
    }

    /**
     * The host path of {@code containerPath} in a container whose mount paths lie at the host paths {@code mounts}
     * (longest first, as {@link #mounts} orders them); empty when no mount holds it.
     */
    static Optional<Path> hostPath(String containerPath, Map<String, Path> mounts) {
        for (var mount : mounts.entrySet()) {
            String mountPath = mount.getKey().endsWith("/") ? mount.getKey() : mount.getKey() + "/";
            if (containerPath.startsWith(mountPath)) {
                return Optional.of(mount.getValue().resolve(containerPath.substring(mountPath.length())));
            }
        }
        return Optional.empty();
    }

    Path claimsRoot() {
        return claimsRoot;
    }

    /** The claim's directory: the same for every pod that mounts the claim, kept across restarts. */
    Path claimDir(String namespace, String claim) {
        return claimsRoot.resolve(namespace).resolve(claim);
    }

    private Path materialize(String namespace, Volume volume, Path dir, UnaryOperator<String> localizeText)
            throws MissingObjectException {
        if (volume.getPersistentVolumeClaim() != null) {
            return createDirectories(dir);
        }
        createDirectories(dir);
        if (volume.getEmptyDir() != null) {
            // volumes are written again when a ConfigMap or Secret changes: an emptyDir keeps what the pod wrote
            return dir;
        }
        if (volume.getConfigMap() != null) {
            var source = volume.getConfigMap();
            writeConfigMap(
                    namespace,
                    source.getName(),
                    source.getItems(),
                    Boolean.TRUE.equals(source.getOptional()),
                    dir,
                    localizeText);
            return dir;
        }
        if (volume.getSecret() != null) {
            var source = volume.getSecret();
            writeSecret(
                    namespace,
                    source.getSecretName(),
                    source.getItems(),
                    Boolean.TRUE.equals(source.getOptional()),
                    dir);
            return dir;
        }
        if (volume.getProjected() != null) {
            for (VolumeProjection projection : volume.getProjected().getSources()) {
                if (projection.getConfigMap() != null) {
                    var source = projection.getConfigMap();
                    writeConfigMap(
                            namespace,
                            source.getName(),
                            source.getItems(),
                            Boolean.TRUE.equals(source.getOptional()),
                            dir,
                            localizeText);
                } else if (projection.getSecret() != null) {
                    var source = projection.getSecret();
                    writeSecret(
                            namespace,
                            source.getName(),
                            source.getItems(),
                            Boolean.TRUE.equals(source.getOptional()),
                            dir);
                } else {
                    throw new IllegalArgumentException(
                            "volume " + volume.getName() + ": only ConfigMap and Secret projections are supported");
                }
            }
            return dir;
        }
        throw new IllegalArgumentException("volume " + volume.getName() + ": the harness supports configMap, secret, "
                + "projected, persistentVolumeClaim and emptyDir volumes");
    }

    private void writeConfigMap(
            String namespace,
            String name,
            List<KeyToPath> items,
            boolean optional,
            Path dir,
            UnaryOperator<String> localizeText)
            throws MissingObjectException {
        ConfigMap configMap =
                client.configMaps().inNamespace(namespace).withName(name).get();
        if (configMap == null) {
            if (optional) {
                return;
            }
            throw MissingObjectException.configMap(namespace, name, null);
        }
        Map<String, byte[]> data = new LinkedHashMap<>();
        Objects.requireNonNullElse(configMap.getData(), Map.<String, String>of())
                .forEach((key, value) -> data.put(key, localizeText.apply(value).getBytes(StandardCharsets.UTF_8)));
        Objects.requireNonNullElse(configMap.getBinaryData(), Map.<String, String>of())
                .forEach((key, value) -> data.put(key, Base64.getDecoder().decode(value)));
        writeItems("ConfigMap " + namespace + "/" + name, data, items, dir);
    }

    private void writeSecret(String namespace, String name, List<KeyToPath> items, boolean optional, Path dir)
            throws MissingObjectException {
        Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
        if (secret == null) {
            if (optional) {
                return;
            }
            throw MissingObjectException.secret(namespace, name, null);
        }
        writeItems("Secret " + namespace + "/" + name, secretData(secret), items, dir);
    }

    /** A Secret's values; the in-process API server keeps {@code stringData} as written, so both count. */
    static Map<String, byte[]> secretData(Secret secret) {
        Map<String, byte[]> data = new LinkedHashMap<>();
        Objects.requireNonNullElse(secret.getData(), Map.<String, String>of())
                .forEach((key, value) -> data.put(key, Base64.getDecoder().decode(value)));
        Objects.requireNonNullElse(secret.getStringData(), Map.<String, String>of())
                .forEach((key, value) -> data.put(key, value.getBytes(StandardCharsets.UTF_8)));
        return data;
    }

    private static void writeItems(String owner, Map<String, byte[]> data, List<KeyToPath> items, Path dir) {
        if (items == null || items.isEmpty()) {
            data.forEach((key, value) -> write(dir.resolve(key), value));
            return;
        }
        for (KeyToPath item : items) {
            byte[] value = data.get(item.getKey());
            if (value == null) {
                throw new IllegalArgumentException(owner + " has no key " + item.getKey());
            }
            write(dir.resolve(item.getPath()), value);
        }
    }

    /** Unchanged content is not touched; new content replaces the file in one step, as the kubelet's swap does. */
    private static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), content)) {
                return;
            }
            Path next = file.resolveSibling("." + file.getFileName() + ".next");
            Files.write(next, content);
            Files.move(
                    next,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
