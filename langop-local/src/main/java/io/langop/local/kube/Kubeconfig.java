package io.langop.local.kube;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The kubeconfig of a {@code langop local} run: one cluster, user and context, all named {@value #CONTEXT}, the
 * server the {@link ApiGateway}, without credentials (it answers on loopback only), and the namespace kubectl uses
 * when none is given.
 */
public final class Kubeconfig {

    public static final String CONTEXT = "langop-local";

    private Kubeconfig() {}

    /** Writes the file, readable by its owner only where the file system allows, and returns it. */
    public static Path write(Path file, String server, String namespace) throws IOException {
        String yaml = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: %2$s
                users:
                - name: %1$s
                  user: {}
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s
                    user: %1$s
                    namespace: %3$s
                current-context: %1$s
                """.formatted(CONTEXT, server, namespace);
        Files.writeString(file, yaml);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // kubectl warns about other readers; there is no secret in it
        }
        return file;
    }
}
