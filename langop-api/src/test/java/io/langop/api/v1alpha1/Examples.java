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

/** The manifests under examples/, one entry per YAML document. */
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

  private static final List<Document> ALL = readAll();

  static List<Document> all() {
    return ALL;
  }

  private static List<Document> readAll() {
    try (Stream<Path> files = Files.walk(DIR)) {
      return files
          .filter(f -> f.toString().endsWith(".yaml"))
          .sorted()
          .flatMap(f -> documentsOf(f).stream())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Document named(String relativePath, String kind) {
    return all().stream()
        .filter(d -> d.file().equals(DIR.resolve(relativePath)) && d.kind().equals(kind))
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
