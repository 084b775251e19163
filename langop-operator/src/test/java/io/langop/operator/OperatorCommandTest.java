package io.langop.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class OperatorCommandTest {

  @Test
  void withoutAReachableClusterItExitsWithOneClearLine(@TempDir Path dir) throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path kubeconfig = dir.resolve("config");
    Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: gone
          cluster: {server: "https://127.0.0.1:%d"}
        contexts:
        - name: gone
          context: {cluster: gone, user: nobody}
        current-context: gone
        users:
        - name: nobody
          user: {token: not-a-secret}
        """.formatted(closedPort));

    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        OperatorCommand.class.getName(), "--install-crds")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    builder.environment().remove("KUBERNETES_SERVICE_HOST");
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<String> stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines()
        .filter(line -> !line.startsWith("WARNING:")) // JVM notices about netty's use of Unsafe, not ours
        .toList();
    assertThat(process.exitValue()).isEqualTo(OperatorCommand.EXIT_NO_CLUSTER);
    assertThat(stderr).singleElement().satisfies(line -> assertThat(line)
        .startsWith("langop-operator: no reachable Kubernetes API server at https://127.0.0.1:" + closedPort)
        .contains("kubeconfig"));
  }

  @Test
  void readsKubernetesStyleDurationsAndRefusesNonsense() {
    OperatorCommand command = new OperatorCommand();
    new CommandLine(command).parseArgs("--dns-refresh", "30s", "--namespaces", "a,b", "--leader-election");
    assertThat(command.dnsRefresh).isEqualTo(Duration.ofSeconds(30));
    assertThat(command.namespaces).containsExactly("a", "b");
    assertThat(command.leaderElection).isTrue();
    assertThat(command.port).isEqualTo(8080);

    var errors = new java.io.StringWriter();
    int exit = new CommandLine(new OperatorCommand()).setErr(new java.io.PrintWriter(errors))
        .execute("--dns-refresh", "soon");
    assertThat(exit).isEqualTo(2);
    assertThat(errors.toString()).contains("'soon' is not a duration such as 30s, 5m or 1h");
  }
}
