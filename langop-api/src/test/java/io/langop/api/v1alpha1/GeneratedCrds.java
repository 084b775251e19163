package io.langop.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The CRDs the fabric8 generator wrote into target/classes/META-INF/fabric8 during this build, and
 * the copies checked in under charts/language-operator/crds.
 */
final class GeneratedCrds {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String REFRESH_COMMAND = "./mvnw -pl langop-api -Pupdate-crds process-classes";

    private GeneratedCrds() {}

    /**
     * File name to path of every freshly generated CRD: in this module's target/classes, or inside its jar when
     * another module's tests read them (the reactor hands them the packaged jar in {@code verify}).
     */
    static Map<String, Path> fresh() {
        try {
            URI generated = GeneratedCrds.class.getResource("/META-INF/fabric8").toURI();
            if ("jar".equals(generated.getScheme())) {
                openZipFileSystem(generated);
            }
            return yamlFilesIn(Path.of(generated));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Paths into the jar resolve once its zip file system is open; it stays open for the tests' lifetime. */
    private static synchronized void openZipFileSystem(URI inJar) {
        try {
            FileSystems.getFileSystem(inJar);
        } catch (FileSystemNotFoundException notYetOpen) {
            try {
                FileSystems.newFileSystem(inJar, Map.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** File name to path of every CRD checked in for Helm. */
    static Map<String, Path> checkedIn() {
        return yamlFilesIn(Path.of(System.getProperty("langop.crds.dir")));
    }

    /** The freshly generated CRD of a kind. */
    static JsonNode crd(String kind) {
        JsonNode crd = ByKind.CRDS.get(kind);
        if (crd == null) {
            throw new IllegalArgumentException("no CRD generated for kind " + kind);
        }
        return crd;
    }

    /** Parsed once: the files are large and every test reads them. */
    private static final class ByKind {
        static final Map<String, JsonNode> CRDS = new TreeMap<>();

        static {
            fresh().values().stream()
                    .map(GeneratedCrds::read)
                    .forEach(crd -> CRDS.put(crd.at("/spec/names/kind").asText(), crd));
        }
    }

    /** The openAPIV3Schema of the only version of a kind. */
    static ObjectNode openApiSchema(String kind) {
        return (ObjectNode) crd(kind).at("/spec/versions/0/schema/openAPIV3Schema");
    }

    static JsonNode read(Path file) {
        try {
            return YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Path> yamlFilesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            Map<String, Path> byName = new TreeMap<>();
            files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .forEach(f -> byName.put(f.getFileName().toString(), f));
            return byName;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
