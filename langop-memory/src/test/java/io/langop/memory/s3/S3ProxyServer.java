package io.langop.memory.s3;

import io.langop.memory.ServerProcess;
import io.langop.sdk.memory.RestartableServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real S3 API server for the tests: S3Proxy (Java, from Maven Central) on a directory, run as a process of its
 * own from the jar the build copies to {@code target/servers} (or the system property {@code s3proxy.jar}), with AWS
 * signature checks on.
 */
public final class S3ProxyServer implements RestartableServer {

    public static final String ACCESS_KEY = "memory-access";
    public static final String SECRET_KEY = "s3-test-secret+key/9d7";
    public static final String BUCKET = "agents";

    private final ServerProcess process;

    private S3ProxyServer(ServerProcess process) {
        this.process = process;
    }

    public static S3ProxyServer start(Path directory) throws IOException, InterruptedException {
        int port = ServerProcess.freePort();
        Path data = Files.createDirectories(directory.resolve("data"));
        Files.createDirectories(data.resolve(BUCKET)); // the filesystem provider's containers are folders
        Path properties = directory.resolve("s3proxy.conf");
        Files.writeString(
                properties,
                String.join(
                        "\n",
                        "s3proxy.endpoint=http://127.0.0.1:" + port,
                        "s3proxy.authorization=aws-v2-or-v4",
                        "s3proxy.identity=" + ACCESS_KEY,
                        "s3proxy.credential=" + SECRET_KEY,
                        "jclouds.provider=filesystem",
                        "jclouds.identity=unused",
                        "jclouds.credential=unused",
                        "jclouds.filesystem.basedir=" + data,
                        ""));
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(
                java,
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                Path.of(System.getProperty("s3proxy.jar", "target/servers/s3proxy.jar"))
                        .toAbsolutePath()
                        .toString(),
                "--properties",
                properties.toString());
        return new S3ProxyServer(ServerProcess.start("s3proxy", command, directory.resolve("s3proxy.log"), port));
    }

    /** The connection string an agent gets: credentials percent-encoded, as the docs tell users to. */
    @Override
    public String url() {
        return "s3+http://" + ACCESS_KEY + ":" + SECRET_KEY.replace("/", "%2F") + "@127.0.0.1:" + process.port() + "/"
                + BUCKET + "/memory";
    }

    @Override
    public void stop() throws InterruptedException {
        process.stop();
    }

    @Override
    public void restart() throws IOException, InterruptedException {
        process.start();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
