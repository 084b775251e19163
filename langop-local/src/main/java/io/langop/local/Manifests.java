package io.langop.local;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The objects of every {@code .yaml}/{@code .yml} file under a directory (multi-document files
 * too), in the order they can be applied: namespaces, then the other core objects (ConfigMaps with
 * agent code, Secrets), then clusters, models, tools, personas and last agents and clients, which
 * refer to all the others. Within one rank, files in name order and documents in file order.
 */
public final class Manifests {

    private static final Map<String, Integer> RANK = Map.of(
            "Namespace", 0,
            "LanguageCluster", 2,
            "LanguageModel", 3,
            "LanguageTool", 4,
            "LanguagePersona", 5,
            "LanguageAgent", 6,
            "LanguageClient", 6);
    private static final int OTHER_RANK = 1;

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Manifests() {}

    /**
     * Reads and orders the objects under {@code dir}; every object but a Namespace has its namespace set.
     *
     * @throws IllegalArgumentException naming the file, when the directory is missing or a file is not
     *     Kubernetes YAML
     */
    public static List<HasMetadata> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no directory " + dir.toAbsolutePath()
                    + ": name a directory of Kubernetes YAML manifests, relative to where you run langop local "
                    + "(examples/simple-agent when none is named)");
        }
        List<HasMetadata> objects = new ArrayList<>();
        for (Path file : yamlFiles(dir)) {
            objects.addAll(parse(file));
        }
        if (objects.isEmpty()) {
            throw new IllegalArgumentException("no Kubernetes objects in the YAML files under " + dir.toAbsolutePath()
                    + ": put the manifests to run there as .yaml or .yml files");
        }
        objects.stream()
                .filter(object -> !(object instanceof Namespace))
                .filter(object -> object.getMetadata().getNamespace() == null)
                .forEach(object -> object.getMetadata().setNamespace(namespaceOf(object)));
        return objects.stream().sorted(Comparator.comparingInt(Manifests::rank)).toList();
    }

    /** The namespace each namespaced object goes to: its own, else {@code default}. */
    public static String namespaceOf(HasMetadata object) {
        return Objects.requireNonNullElse(object.getMetadata().getNamespace(), "default");
    }

    private static int rank(HasMetadata object) {
        return RANK.getOrDefault(object.getKind(), OTHER_RANK);
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file ->
                            file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<HasMetadata> parse(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Object parsed;
        try {
            parsed = SERIALIZATION.unmarshal(yaml);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    file + " is not Kubernetes YAML (" + e.getMessage()
                            + "); correct it or move it out of the directory",
                    e);
        }
        List<?> documents = parsed instanceof List<?> list ? list : parsed == null ? List.of() : List.of(parsed);
        List<HasMetadata> objects = new ArrayList<>();
        for (Object document : documents) {
            if (document == null) {
                continue;
            }
            if (!(document instanceof HasMetadata object)
                    || object.getMetadata() == null
                    || object.getMetadata().getName() == null
                    || object.getKind() == null) {
                throw new IllegalArgumentException(file + " holds a document without kind or metadata.name; every"
                        + " document needs apiVersion, kind and metadata.name");
            }
            objects.add(object);
        }
        return objects;
    }
}
