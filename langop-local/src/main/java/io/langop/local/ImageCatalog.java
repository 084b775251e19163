package io.langop.local;

import io.langop.agent.cli.Main;
import io.langop.console.ConsoleMain;
import io.langop.proxy.ModelProxyMain;
import io.langop.tool.email.EmailToolServer;
import io.langop.tool.web.WebToolServer;
import java.util.List;
import java.util.Map;

/**
 * Which module main class plays which image: the same entry points the modules' Jib
 * configurations put into the images, matched on the image's repository name so any registry and
 * tag work ({@code ghcr.io/langop/langop-agent:0.1.0} → the agent runtime's {@code langop run}).
 */
final class ImageCatalog {

    /**
     * A main class, the arguments the image passes when the container spec has none, and the JVM flags the image
     * sets that change behaviour (not its tuning).
     */
    record Entrypoint(String mainClass, List<String> defaultArgs, List<String> jvmFlags) {}

    private static final String AGENT = "langop-agent";
    private static final String EMAIL_TOOL = "langop-tool-email";

    private static final Map<String, Entrypoint> BY_REPOSITORY = Map.of(
            "langop-agent",
            new Entrypoint(Main.class.getName(), List.of("run"), List.of()),
            "langop-tool-web",
            new Entrypoint(WebToolServer.class.getName(), List.of(), List.of()),
            EMAIL_TOOL,
            new Entrypoint(EmailToolServer.class.getName(), List.of(), List.of()),
            "langop-console",
            new Entrypoint(ConsoleMain.class.getName(), List.of(), List.of()),
            // The image's JVM flags (langop-model-proxy/pom.xml): Netty's native epoll and direct memory, request
            // threads carried by the event loops, no leak sampling, compact object headers.
            "langop-model-proxy",
            new Entrypoint(
                    ModelProxyMain.class.getName(),
                    List.of(),
                    List.of(
                            "--enable-native-access=ALL-UNNAMED",
                            "--sun-misc-unsafe-memory-access=allow",
                            "--add-opens=java.base/java.lang=ALL-UNNAMED",
                            "-Dio.netty.leakDetection.level=disabled",
                            "-XX:+UseCompactObjectHeaders")));

    private ImageCatalog() {}

    /** Whether the image is the langop agent runtime's, from any registry, with any tag. */
    static boolean isAgent(String image) {
        return repository(image).equals(AGENT);
    }

    /** Whether the image is the langop email tool's, from any registry, with any tag. */
    static boolean isEmailTool(String image) {
        return repository(image).equals(EMAIL_TOOL);
    }

    static Entrypoint entrypoint(String image) {
        Entrypoint entrypoint = BY_REPOSITORY.get(repository(image));
        if (entrypoint == null) {
            throw new IllegalArgumentException("image '" + image + "' is not a langop module, and only those run"
                    + " here, as processes: "
                    + String.join(", ", BY_REPOSITORY.keySet().stream().sorted().toList())
                    + "; run this workload on a cluster (docs/local.md, What it cannot do)");
        }
        return entrypoint;
    }

    /** {@code registry/org/name:tag@digest} → {@code name}. */
    static String repository(String image) {
        String name = image.substring(image.lastIndexOf('/') + 1);
        int digest = name.indexOf('@');
        name = digest < 0 ? name : name.substring(0, digest);
        int tag = name.indexOf(':');
        return tag < 0 ? name : name.substring(0, tag);
    }
}
