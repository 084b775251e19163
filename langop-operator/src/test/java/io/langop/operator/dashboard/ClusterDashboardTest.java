package io.langop.operator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.langop.api.v1alpha1.SecretKeyReference;
import io.langop.api.v1alpha1.agent.CodeReference;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.cluster.ClusterDashboard;
import io.langop.api.v1alpha1.cluster.DashboardOidc;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.api.v1alpha1.cluster.LanguageClusterSpec;
import io.langop.operator.OperatorSettings;
import io.langop.operator.agent.Fixtures;
import io.langop.operator.harness.Edits;
import io.langop.operator.harness.OperatorExtension;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A LanguageCluster with {@code spec.dashboard.enabled} gets the console in dashboard mode in its namespace, as a
 * ServiceAccount whose Role reads the langop kinds, Events, Pods and logs and the code ConfigMaps of the cluster's
 * agents by name, and nothing else; turned off, all of it goes.
 */
class ClusterDashboardTest {

    private static final String NS = "dash";

    @RegisterExtension
    static final OperatorExtension operator = OperatorExtension.withDefaults().resolving(host -> switch (host) {
        case "sso.example.com" -> List.of(InetAddress.getByName("203.0.113.7"));
        default -> throw new UnknownHostException(host);
    });

    @Test
    void runsTheDashboardAsAServiceAccountThatMayOnlyReadTheCluster() {
        operator.api().createNamespace(NS);
        operator.client()
                .endpoints()
                .resource(new EndpointsBuilder()
                        .withNewMetadata()
                        .withName("kubernetes")
                        .withNamespace("default")
                        .endMetadata()
                        .addNewSubset()
                        .addNewAddress()
                        .withIp("172.18.0.3")
                        .endAddress()
                        .addNewAddress()
                        .withIp("172.18.0.2")
                        .endAddress()
                        .addNewPort()
                        .withName("https")
                        .withPort(6443)
                        .withProtocol("TCP")
                        .endPort()
                        .endSubset()
                        .build())
                .create();
        LanguageAgent brought = Fixtures.agent(NS, "brought", "gpt");
        brought.getSpec().setInstructions(null);
        CodeReference code = new CodeReference();
        code.setName("handwritten");
        brought.getSpec().setCodeRef(code);
        brought.getSpec().setClusterRef("ops");
        operator.client().resource(brought).create();
        operator.client().resource(Fixtures.agent(NS, "elsewhere", "gpt")).create(); // in no cluster
        operator.client().resource(cluster()).create();

        await().untilAsserted(() -> assertThat(role()).isNotNull());
        assertThat(role().getRules())
                .containsExactly(
                        rule(
                                        "langop.io",
                                        List.of(
                                                "languageagents",
                                                "languageclients",
                                                "languageclusters",
                                                "languagemodels",
                                                "languagepersonas",
                                                "languagetools"))
                                .withVerbs("get", "list", "watch")
                                .build(),
                        rule("", List.of("events", "pods"))
                                .withVerbs("get", "list", "watch")
                                .build(),
                        rule("", List.of("pods/log")).withVerbs("get").build(),
                        rule("", List.of("configmaps"))
                                .withResourceNames("brought-code", "brought-good-code", "handwritten")
                                .withVerbs("get")
                                .build());

        RoleBinding binding = operator.client()
                .rbac()
                .roleBindings()
                .inNamespace(NS)
                .withName("ops-dashboard")
                .get();
        assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
        assertThat(binding.getRoleRef().getName()).isEqualTo("ops-dashboard");
        assertThat(binding.getSubjects()).singleElement().satisfies(subject -> {
            assertThat(subject.getKind()).isEqualTo("ServiceAccount");
            assertThat(subject.getName()).isEqualTo("ops-dashboard");
            assertThat(subject.getNamespace()).isEqualTo(NS);
        });
        assertThat(operator.client()
                        .serviceAccounts()
                        .inNamespace(NS)
                        .withName("ops-dashboard")
                        .get())
                .isNotNull();

        Deployment deployment = deployment();
        var pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getServiceAccountName()).isEqualTo("ops-dashboard");
        var container = pod.getContainers().getFirst();
        assertThat(container.getImage()).isEqualTo(OperatorSettings.CONSOLE_IMAGE);
        Map<String, EnvVar> env =
                container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, Function.identity()));
        assertThat(env.get("CONSOLE_MODE").getValue()).isEqualTo("dashboard");
        assertThat(env.get("DASHBOARD_NAMESPACE").getValue()).isEqualTo(NS);
        assertThat(env.get("DASHBOARD_CLUSTER").getValue()).isEqualTo("ops");
        assertThat(env.get("DASHBOARD_KEYS").getValue()).isNull();
        assertThat(env.get("DASHBOARD_KEYS").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("dashboard-keys");
        assertThat(env.get("DASHBOARD_KEYS").getValueFrom().getSecretKeyRef().getKey())
                .isEqualTo("keys");
        assertThat(env.get("DASHBOARD_OIDC_ISSUER").getValue()).isEqualTo("https://sso.example.com/realms/ops");
        assertThat(env.get("DASHBOARD_OIDC_CLIENT_ID").getValue()).isEqualTo("ops-dashboard");
        assertThat(env.get("DASHBOARD_OIDC_CLIENT_SECRET").getValue()).isNull();
        assertThat(env.get("DASHBOARD_OIDC_CLIENT_SECRET").getValueFrom().getSecretKeyRef())
                .extracting(ref -> ref.getName(), ref -> ref.getKey())
                .containsExactly("dashboard-sso", "client-secret");
        assertThat(env).doesNotContainKeys("DASHBOARD_OIDC_AUDIENCE").containsKey("DASHBOARD_OIDC_SCOPES");
        assertThat(env.get("DASHBOARD_OIDC_SCOPES").getValue()).isEqualTo("openid email");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();

        Service service = operator.client()
                .services()
                .inNamespace(NS)
                .withName("ops-dashboard")
                .get();
        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getPort()).isEqualTo(8080);
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
        });
        assertThat(container.getPorts())
                .singleElement()
                .satisfies(port -> assertThat(port.getName()).isEqualTo("http"));
        // the cluster is isolated: the dashboard's ways out are to the API server's endpoints and to the OIDC issuer
        NetworkPolicy egress = policy("ops-dashboard");
        assertThat(egress.getSpec().getPodSelector().getMatchLabels())
                .isEqualTo(service.getSpec().getSelector());
        assertThat(egress.getSpec().getPolicyTypes()).containsExactly("Egress");
        assertThat(egress.getSpec().getEgress())
                .extracting(
                        rule -> rule.getTo().stream()
                                .map(peer -> peer.getIpBlock().getCidr())
                                .toList(),
                        rule -> rule.getPorts().stream()
                                .map(port -> port.getProtocol() + "/"
                                        + port.getPort().getIntVal())
                                .toList())
                .containsExactly(
                        tuple(List.of("172.18.0.2/32", "172.18.0.3/32"), List.of("TCP/6443")),
                        tuple(List.of("203.0.113.7/32"), List.of("TCP/443")));
        assertThat(policy("ops-isolation"))
                .as("the cluster's own isolation stays")
                .isNotNull();
        operator.assertNoWritesWhileIdle(Duration.ofSeconds(2));

        // an agent joins the cluster: the dashboard may read its code too
        LanguageAgent digest = Fixtures.agent(NS, "digest", "gpt");
        digest.getSpec().setClusterRef("ops");
        operator.client().resource(digest).create();
        await().untilAsserted(() -> assertThat(role().getRules().getLast().getResourceNames())
                .containsExactly(
                        "brought-code", "brought-good-code", "digest-code", "digest-good-code", "handwritten"));

        LanguageCluster off = operator.client()
                .resources(LanguageCluster.class)
                .inNamespace(NS)
                .withName("ops")
                .get();
        off.getSpec().getDashboard().setEnabled(false);
        Edits.replaceSpec(operator.client(), off);
        await().untilAsserted(() -> {
            assertThat(deployment()).isNull();
            assertThat(role()).isNull();
            assertThat(operator.client()
                            .rbac()
                            .roleBindings()
                            .inNamespace(NS)
                            .withName("ops-dashboard")
                            .get())
                    .isNull();
            assertThat(operator.client()
                            .serviceAccounts()
                            .inNamespace(NS)
                            .withName("ops-dashboard")
                            .get())
                    .isNull();
            assertThat(operator.client()
                            .services()
                            .inNamespace(NS)
                            .withName("ops-dashboard")
                            .get())
                    .isNull();
            assertThat(policy("ops-dashboard")).isNull();
        });
        assertThat(policy("ops-isolation")).isNotNull();
    }

    private static NetworkPolicy policy(String name) {
        return operator.client()
                .network()
                .networkPolicies()
                .inNamespace(NS)
                .withName(name)
                .get();
    }

    @Test
    void aClusterWithoutAgentsGrantsNoConfigMapAtAll() {
        assertThat(DashboardRole.rules(List.of()))
                .as("an empty resourceNames would grant every ConfigMap")
                .noneMatch(rule -> rule.getResources().contains("configmaps"));
    }

    private static PolicyRuleBuilder rule(String group, List<String> resources) {
        return new PolicyRuleBuilder().withApiGroups(group).withResources(resources);
    }

    private static Role role() {
        return operator.client()
                .rbac()
                .roles()
                .inNamespace(NS)
                .withName("ops-dashboard")
                .get();
    }

    private static Deployment deployment() {
        return operator.client()
                .apps()
                .deployments()
                .inNamespace(NS)
                .withName("ops-dashboard")
                .get();
    }

    private static LanguageCluster cluster() {
        LanguageCluster cluster = new LanguageCluster();
        cluster.setMetadata(
                new ObjectMetaBuilder().withName("ops").withNamespace(NS).build());
        cluster.setSpec(new LanguageClusterSpec());
        ClusterDashboard spec = new ClusterDashboard();
        spec.setEnabled(true);
        SecretKeyReference keys = new SecretKeyReference();
        keys.setName("dashboard-keys");
        keys.setKey("keys");
        spec.setApiKeySecretRef(keys);
        DashboardOidc oidc = new DashboardOidc();
        oidc.setIssuer("https://sso.example.com/realms/ops");
        oidc.setClientId("ops-dashboard");
        SecretKeyReference clientSecret = new SecretKeyReference();
        clientSecret.setName("dashboard-sso");
        clientSecret.setKey("client-secret");
        oidc.setClientSecretRef(clientSecret);
        oidc.setScopes("openid email");
        spec.setOidc(oidc);
        cluster.getSpec().setDashboard(spec);
        return cluster;
    }
}
