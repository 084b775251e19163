package io.langop.sdk.tool.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of a new tool project ({@code langop new tool NAME}): a Maven build on the SDK, a
 * {@code Tools} class with one example tool and a main that serves it, a test, and a README. The
 * templates live next to this class as resources.
 */
public final class ToolScaffold {

  private static final Map<String, String> TEMPLATES = Map.of(
      "pom.xml", "pom.xml.template",
      "src/main/java/Tools.java", "Tools.java.template",
      "src/test/java/ToolsTest.java", "ToolsTest.java.template",
      "README.md", "README.md.template");

  private ToolScaffold() {}

  /**
   * The project's files, keyed by path relative to the project directory.
   *
   * @param name project and server name: lower-case letters, digits and '-'; the example tool is
   *     named after it with '_' for '-'
   * @param sdkVersion the langop-sdk version the project builds on
   */
  public static Map<String, String> files(String name, String sdkVersion) {
    if (name == null || !name.matches("[a-z][a-z0-9-]{0,62}")) {
      throw new IllegalArgumentException(
          "Invalid name '" + name + "': use lower-case letters, digits and '-', starting with a letter.");
    }
    Map<String, String> files = new TreeMap<>();
    TEMPLATES.forEach((path, resource) -> files.put(path, template(resource)
        .replace("{{name}}", name)
        .replace("{{toolName}}", name.replace('-', '_'))
        .replace("{{sdkVersion}}", sdkVersion)));
    return files;
  }

  private static String template(String resource) {
    try (InputStream in = ToolScaffold.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("scaffold template " + resource + " is missing from the SDK jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
