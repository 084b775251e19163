package io.langop.api.v1alpha1;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The manifests under examples/, one entry per YAML document: the langop.io objects, and apart from
 * them the core objects an example ships (the ConfigMap with an agent's own code).
 */
final class Examples {

    static final Path DIR = Path.of(System.getProperty("langop.examples.dir"));

    /** One YAML document of an example file. */
    record Document(Path file, int index, JsonNode object) {

        String kind() {
            return object.path("kind").asText();
        }

        @Override
        public String toString() {
            return DIR.relativize(file) + (index > 0 ? " #" + (index + 1) : "");
        }
    }

    private Examples() {}

    private static final List<Document> EVERY = readAll();
    private static final List<Document> ALL =
            EVERY.stream().filter(Examples::langop).toList();
    private static final List<Document> CORE =
            EVERY.stream().filter(d -> !langop(d)).toList();

    /** The langop.io objects. */
    static List<Document> all() {
        return ALL;
    }

    /** The other objects. */
    static List<Document> core() {
        return CORE;
    }

    private static boolean langop(Document document) {
        return document.object().path("apiVersion").asText().startsWith(LangopApi.GROUP + "/");
    }

    private static List<Document> readAll() {
        try (Stream<Path> files = Files.walk(DIR)) {
            return files.filter(f -> f.toString().endsWith(".yaml"))
                    .sorted()
                    .flatMap(f -> documentsOf(f).stream())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document named(String relativePath, String kind) {
        return all().stream()
                .filter(d ->
                        d.file().equals(DIR.resolve(relativePath)) && d.kind().equals(kind))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(kind + " not in " + relativePath));
    }

    private static List<Document> documentsOf(Path file) {
        List<Document> documents = new ArrayList<>();
        try (JsonParser parser = GeneratedCrds.YAML.createParser(file.toFile())) {
            var values = GeneratedCrds.YAML.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode object = values.next();
                if (object != null && !object.isEmpty()) {
                    documents.add(new Document(file, documents.size(), object));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return documents;
    }
}
