package io.langop.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.langop.operator.OperatorCommand;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Renders the chart with Helm itself (helm-java) and checks the objects it would install. */
class HelmChartTest {

  private static final Path CHART = Path.of(System.getProperty("langop.chart.dir"));

  @Test
  void lintsCleanly() {
    LintResult lint = new Helm(CHART).lint().strict().call();
    assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
  }

  @Test
  void rendersTheOperatorWithOnlyTheAccessItNeeds() {
    List<HasMetadata> objects = render(Map.of());

    Deployment deployment = only(objects, Deployment.class);
    assertThat(deployment.getMetadata().getName()).isEqualTo("langop-language-operator");
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    var container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
    assertThat(container.getImage()).isEqualTo("ghcr.io/langop/langop-operator:0.1.0");
    assertThat(container.getArgs()).containsExactly(
        "--port=8080",
        "--leader-election",
        "--leader-election-namespace=$(POD_NAMESPACE)",
        "--leader-election-lease=langop-operator",
        "--dns-refresh=5m",
        "--model-proxy-image=ghcr.io/langop/langop-model-proxy:latest",
        "--reconcile-threads=10");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
        .isEqualTo(only(objects, ServiceAccount.class).getMetadata().getName());

    Service metrics = only(objects, Service.class);
    assertThat(metrics.getSpec().getPorts()).singleElement().satisfies(port -> {
      assertThat(port.getName()).isEqualTo("http-metrics");
      assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
    });
    assertThat(metrics.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());

    ClusterRole role = only(objects, ClusterRole.class);
    Map<String, Set<String>> verbs = verbsByResource(role.getRules());
    assertThat(verbs.get("langop.io/languageagents")).containsExactlyInAnyOrder("get", "list", "watch");
    assertThat(verbs.get("langop.io/languageagents/status")).containsExactlyInAnyOrder("get", "patch", "update");
    // the LanguageCluster finalizer (namespace labels given back on deletion)
    assertThat(verbs.get("langop.io/languageclusters")).containsExactlyInAnyOrder("get", "list", "watch", "patch", "update");
    assertThat(verbs.get("apps/deployments")).contains("create", "update", "delete");
    assertThat(verbs.get("/namespaces")).containsExactlyInAnyOrder("get", "patch");
    for (String managed : List.of("networking.k8s.io/ingresses", "policy/poddisruptionbudgets",
        "autoscaling/horizontalpodautoscalers", "/services", "/configmaps")) {
      assertThat(verbs.get(managed)).as(managed)
          .containsExactlyInAnyOrder("get", "list", "watch", "create", "update", "patch", "delete");
    }
    assertThat(verbs).doesNotContainKeys("/secrets", "/pods", "apiextensions.k8s.io/customresourcedefinitions");
    assertThat(only(objects, ClusterRoleBinding.class).getSubjects()).singleElement()
        .satisfies(s -> assertThat(s.getName()).isEqualTo("langop-language-operator"));
    assertThat(verbsByResource(only(objects, Role.class).getRules()).get("coordination.k8s.io/leases"))
        .containsExactlyInAnyOrder("get", "create", "update");
  }

  @Test
  void everyArgumentTheChartPassesIsAnOptionOfTheOperator() {
    List<HasMetadata> objects = render(Map.of("watchNamespaces[0]", "team-a", "watchNamespaces[1]", "team-b"));
    List<String> args = only(objects, Deployment.class).getSpec().getTemplate().getSpec().getContainers().getFirst().getArgs();
    assertThat(args).contains("--namespaces=team-a,team-b");
    Set<String> options = new CommandLine(new OperatorCommand()).getCommandSpec().optionsMap().keySet();
    assertThat(args).allSatisfy(arg -> assertThat(options).contains(arg.split("=")[0]));
  }

  @Test
  void valuesChangeWhatTheyNameAndSeveralReplicasNeedLeaderElection() {
    List<HasMetadata> objects = render(Map.of("leaderElection.enabled", "false", "metrics.port", "9100",
        "metrics.service.enabled", "false", "image.tag", "9.9.9"));
    var container = only(objects, Deployment.class).getSpec().getTemplate().getSpec().getContainers().getFirst();
    assertThat(container.getArgs()).contains("--port=9100").noneMatch(arg -> arg.startsWith("--leader-election"));
    assertThat(container.getImage()).endsWith(":9.9.9");
    assertThat(container.getPorts()).singleElement().satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(9100));
    assertThat(objects).noneMatch(o -> o instanceof Service || o instanceof Role);

    assertThatThrownBy(() -> render(Map.of("replicaCount", "2", "leaderElection.enabled", "false")))
        .hasMessageContaining("replicaCount > 1 needs leaderElection.enabled=true");
  }

  private static List<HasMetadata> render(Map<String, String> values) {
    var template = new Helm(CHART).template().withName("langop").withNamespace("langop-system")
        .withKubeVersion("1.31.0") // native sidecars need 1.29; the chart says so in kubeVersion
        .skipCrds();
    values.forEach(template::set);
    String yaml = template.call();
    return Arrays.stream(yaml.split("(?m)^---\\s*$"))
        .filter(doc -> doc.lines().anyMatch(line -> line.startsWith("kind:")))
        .map(doc -> (HasMetadata) Serialization.unmarshal(doc))
        .toList();
  }

  private static <T extends HasMetadata> T only(List<HasMetadata> objects, Class<T> type) {
    List<T> matching = objects.stream().filter(type::isInstance).map(type::cast).toList();
    assertThat(matching).as(type.getSimpleName()).hasSize(1);
    return matching.getFirst();
  }

  private static Map<String, Set<String>> verbsByResource(List<PolicyRule> rules) {
    return rules.stream()
        .flatMap(rule -> rule.getApiGroups().stream().flatMap(group -> rule.getResources().stream()
            .map(resource -> Map.entry(group + "/" + resource, Set.copyOf(rule.getVerbs())))))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue,
            (a, b) -> Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet())));
  }
}
