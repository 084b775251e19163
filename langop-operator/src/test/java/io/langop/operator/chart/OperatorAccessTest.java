package io.langop.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.v1alpha1.ModelReference;
import io.langop.api.v1alpha1.NetworkPeer;
import io.langop.api.v1alpha1.NetworkPort;
import io.langop.api.v1alpha1.NetworkRule;
import io.langop.api.v1alpha1.PersonaReference;
import io.langop.api.v1alpha1.PodDisruptionBudgetSpec;
import io.langop.api.v1alpha1.ServiceReference;
import io.langop.api.v1alpha1.agent.CodeReference;
import io.langop.api.v1alpha1.agent.EventTrigger;
import io.langop.api.v1alpha1.agent.EventTriggerType;
import io.langop.api.v1alpha1.agent.ExecutionMode;
import io.langop.api.v1alpha1.agent.KubernetesEventSource;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.WebhookAuthentication;
import io.langop.api.v1alpha1.agent.Workspace;
import io.langop.api.v1alpha1.client.Autoscaling;
import io.langop.api.v1alpha1.client.IngressSpec;
import io.langop.api.v1alpha1.client.LanguageClient;
import io.langop.api.v1alpha1.client.LanguageClientSpec;
import io.langop.api.v1alpha1.client.Monitoring;
import io.langop.api.v1alpha1.cluster.ClusterDashboard;
import io.langop.api.v1alpha1.cluster.ClusterNetwork;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.api.v1alpha1.cluster.LanguageClusterSpec;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.tool.DeploymentMode;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.OperatorSettings;
import io.langop.operator.agent.Fixtures;
import io.langop.operator.harness.ApiRequests;
import io.langop.operator.harness.Edits;
import io.langop.operator.harness.MockApiServer;
import io.langop.operator.harness.OperatorHarness;
import io.langop.operator.harness.ServiceMap;
import io.langop.operator.monitoring.Scraping;
import io.langop.operator.monitoring.ServiceMonitor;
import io.langop.operator.synthesis.SynthesisSettings;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.mcp.TestMcpServer;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The chart grants exactly what the operator uses: the operator runs through every path that writes
 * (each kind created with every optional object, each object changed once, then removed by the spec changes
 * that remove them: a tool switched to sidecar mode, an agent switched to a schedule and back with its
 * workspace turned off and its instructions replaced by {@code codeRef}, a client's ingress, disruption budget,
 * autoscaler and ServiceMonitor turned off, the cluster's dashboard turned off, the cluster deleted) while every request
 * it makes is recorded; each request must be allowed by the rendered ClusterRole or Role, and each rule
 * the chart renders must have been used, unless it is listed in {@link #NOT_EXERCISED_HERE} with the reason or
 * the operator holds it only to grant it to the dashboard's Role (which it must hold, or Kubernetes refuses the Role).
 */
class OperatorAccessTest {

    private static final String NS = "access";
    private static final String TEST_CLIENT = "access-test";

    /** Granted but not run here, each with the code that needs it. */
    private static final Map<String, String> NOT_EXERCISED_HERE = Map.of(
            "coordination.k8s.io/leases:get",
                    "leader election (fabric8 LeaderElector); JOSDK first checks lease access"
                            + " with a SelfSubjectRulesReview, which the mock API server cannot answer",
            "coordination.k8s.io/leases:create", "leader election, as above",
            "coordination.k8s.io/leases:update", "leader election, as above (renewing the lease is a PUT)",
            "langop.io/languagemodels:get",
                    "AgentSynthesis reads the model of spec.synthesis.modelRef when the informer"
                            + " has not seen it yet",
            "langop.io/languageclusters:get",
                    "JOSDK reads a LanguageCluster again when the patch of its finalizer conflicts"
                            + " (ReconciliationDispatcher.conflictRetryingPatch)",
            "/secrets:update",
                    "a proxy key Secret still owned by a deleted incarnation of its agent gets the new one's key"
                            + " (ProxyKeySecret; UsageStatusTest.aRecreatedAgentGetsANewKeyAndAnAgentThatLeavesTheModel"
                            + "LeavesItsFile)");

    @Test
    void theChartGrantsEveryRequestTheOperatorMakesAndNothingElse() throws Exception {
        Run run;
        try (ScriptedOpenAiServer llm = new ScriptedOpenAiServer();
                TestMcpServer tools =
                        TestMcpServer.start(TestMcpServer.TestTool.of("web_search", "query", args -> ""))) {
            run = accessUsedByTheOperator(llm, new ServiceMap().serve(NS, "web-tool", tools.url()));
        }
        Set<String> used = run.used();
        Set<String> granted = new TreeSet<>();
        List<io.fabric8.kubernetes.api.model.HasMetadata> objects = ChartRendering.render(Map.of());
        granted.addAll(ChartRendering.access(
                ChartRendering.only(objects, io.fabric8.kubernetes.api.model.rbac.ClusterRole.class)
                        .getRules()));
        granted.addAll(
                ChartRendering.access(ChartRendering.only(objects, io.fabric8.kubernetes.api.model.rbac.Role.class)
                        .getRules()));

        assertThat(used)
                .as("requests the operator made that the chart does not allow")
                .allSatisfy(access -> assertThat(granted).contains(access));
        assertThat(run.grantedToTheDashboard())
                .as("what the dashboard's Role grants and the operator does not hold (Kubernetes refuses such a Role)")
                .allSatisfy(access -> assertThat(granted).contains(access));
        Set<String> unused = new TreeSet<>(granted);
        unused.removeAll(used);
        unused.removeAll(run.grantedToTheDashboard());
        assertThat(unused)
                .as("rules the chart grants that the operator never used (remove them, or exercise them"
                        + " here, or list them in NOT_EXERCISED_HERE with the reason)")
                .isSubsetOf(NOT_EXERCISED_HERE.keySet());
        assertThat(granted).containsAll(NOT_EXERCISED_HERE.keySet());
    }

    /** What the operator asked of the API server, and what the Role it made for the cluster's dashboard grants. */
    private record Run(Set<String> used, Set<String> grantedToTheDashboard) {}

    /** @param services where the tool servers answer, so that agents are written with their catalogs */
    private static Run accessUsedByTheOperator(ScriptedOpenAiServer llm, ServiceMap services) {
        String valid = Fixtures.CODE_WITHOUT_TOOLS;
        OperatorSettings settings = OperatorSettings.defaults()
                .withScraping(
                        new Scraping(true, Map.of(), Map.of("kubernetes.io/metadata.name", "monitoring"), Map.of()))
                .withSynthesis(new SynthesisSettings(
                        Optional.of(llm.baseUrl()),
                        Optional.of("synth-model"),
                        Optional.of("sk-test"),
                        1,
                        100,
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(10),
                        4));
        MockApiServer api = MockApiServer.start();
        int operatorStart = api.requests().mark(); // the CRDs installed for the test are not the operator's doing
        try (OperatorHarness operator = OperatorHarness.start(
                        api,
                        settings,
                        host -> {
                            throw new UnknownHostException(host);
                        },
                        services);
                KubernetesClient user = api.newClient(TEST_CLIENT)) {
            user.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(NS)
                            .endMetadata()
                            .build())
                    .create();
            user.resource(Fixtures.serviceMonitorCrd()).create(); // the Prometheus Operator is installed
            user.resource(cluster()).create();
            user.resource(Fixtures.model(NS, "gpt")).create();
            user.resource(Fixtures.persona(NS, "analyst")).create();
            user.resource(Fixtures.tool(NS, "web", DeploymentMode.SERVICE, 8080))
                    .create();
            user.resource(languageClient()).create();

            llm.thenText("A careful analyst who cites sources."); // the persona is distilled first
            llm.thenText("```java\n" + valid + "\n```");
            LanguageAgent agent = Fixtures.agent(NS, "digest", "gpt", "web");
            PersonaReference persona = new PersonaReference();
            persona.setName("analyst");
            agent.getSpec().setPersonaRef(persona);
            agent.getSpec().setWorkspace(new Workspace());
            agent.getSpec().getWorkspace().setSize("1Gi");
            user.resource(agent).create();
            user.configMaps()
                    .resource(new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName("handwritten")
                            .withNamespace(NS)
                            .endMetadata()
                            .withData(Map.of("Agent.java", valid))
                            .build())
                    .create();
            LanguageAgent brought = Fixtures.agent(NS, "brought", "gpt");
            brought.getSpec().setInstructions(null);
            CodeReference code = new CodeReference();
            code.setName("handwritten");
            brought.getSpec().setCodeRef(code);
            brought.getSpec().setClusterRef("team"); // its code ConfigMaps join the dashboard's Role
            brought.getSpec().setExecutionMode(ExecutionMode.EVENT_DRIVEN); // its webhook's secret is generated
            // and it watches its code ConfigMap and the namespace's Events through the operator
            brought.getSpec()
                    .setEventTriggers(List.of(
                            webhook(WebhookAuthentication.GITHUB),
                            watching("ConfigMap", "handwritten"),
                            watching("Event", null)));
            user.resource(brought).create();

            eventually(() -> user.apps()
                            .deployments()
                            .inNamespace(NS)
                            .withName("web-tool")
                            .get()
                    != null);
            eventually(() -> hasCodeHash(user.apps()
                    .deployments()
                    .inNamespace(NS)
                    .withName("digest-agent")
                    .get()));
            eventually(() -> hasCodeHash(user.apps()
                    .deployments()
                    .inNamespace(NS)
                    .withName("brought-agent")
                    .get()));
            // once its pods serve them, the triggers' watches list what they watch: their deliveries' state is written
            Fixtures.markAvailable(user, NS, "brought-agent");
            eventually(() -> user.configMaps()
                            .inNamespace(NS)
                            .withName("brought-triggers")
                            .get()
                    != null);
            eventually(() -> user.persistentVolumeClaims()
                            .inNamespace(NS)
                            .withName("digest-workspace")
                            .get()
                    != null);
            eventually(() -> user.autoscaling()
                            .v2()
                            .horizontalPodAutoscalers()
                            .inNamespace(NS)
                            .withName("chat-client")
                            .get()
                    != null);
            eventually(() -> user.policy()
                            .v1()
                            .podDisruptionBudget()
                            .inNamespace(NS)
                            .withName("chat-client")
                            .get()
                    != null);
            eventually(() -> user.network()
                            .v1()
                            .ingresses()
                            .inNamespace(NS)
                            .withName("chat-client")
                            .get()
                    != null);
            eventually(() -> user.resources(ServiceMonitor.class)
                            .inNamespace(NS)
                            .withName("chat-client")
                            .get()
                    != null);
            eventually(() -> user.resources(ServiceMonitor.class)
                            .inNamespace(NS)
                            .withName("gpt-model")
                            .get()
                    != null);
            eventually(() -> user.v1().events().inNamespace(NS).list().getItems().stream()
                    .anyMatch(event -> "SynthesisSucceeded".equals(event.getReason())));
            eventually(() -> dashboardRole(user) != null
                    && dashboardRole(user).getRules().stream()
                            .anyMatch(rule -> rule.getResourceNames().contains("handwritten")));
            Set<String> grantedToTheDashboard =
                    ChartRendering.access(dashboardRole(user).getRules());
            eventually(() ->
                    user.secrets().inNamespace(NS).withName("brought-webhooks").get() != null);

            // updates: each kind of object the operator manages changes once
            LanguageModel gpt = user.resources(LanguageModel.class)
                    .inNamespace(NS)
                    .withName("gpt")
                    .get();
            gpt.getSpec().setModelName("qwen2.5-14b");
            Edits.replaceSpec(user, gpt);
            llm.thenText("```java\n" + valid + "\n```"); // the tool's spec is a synthesis input
            LanguageTool web = user.resources(LanguageTool.class)
                    .inNamespace(NS)
                    .withName("web")
                    .get();
            web.getSpec().setPort(8081);
            Edits.replaceSpec(user, web);
            LanguageCluster team = user.resources(LanguageCluster.class)
                    .inNamespace(NS)
                    .withName("team")
                    .get();
            team.getSpec().setNetwork(new ClusterNetwork());
            team.getSpec()
                    .getNetwork()
                    .setEgress(List.of(cidrRule("198.51.100.0/24", 443), serviceRule("web-tool", 8081)));
            team.getSpec().getDashboard().setImage("registry.example.org/langop-console:2");
            Edits.replaceSpec(user, team);
            // a ServiceAccount, a Role and a RoleBinding the operator made, edited by hand, are put back (the Role
            // also changes when an agent joins the cluster, but that may come before the Role is first made)
            user.rbac().roles().inNamespace(NS).withName("team-dashboard").edit(role -> {
                role.getMetadata().getLabels().put("app.kubernetes.io/part-of", "edited");
                return role;
            });
            user.serviceAccounts().inNamespace(NS).withName("team-dashboard").edit(account -> {
                account.getMetadata().getLabels().put("app.kubernetes.io/part-of", "edited");
                return account;
            });
            user.rbac()
                    .roleBindings()
                    .inNamespace(NS)
                    .withName("team-dashboard")
                    .edit(binding -> {
                        binding.getMetadata().getLabels().put("app.kubernetes.io/part-of", "edited");
                        return binding;
                    });
            LanguageClient chat = user.resources(LanguageClient.class)
                    .inNamespace(NS)
                    .withName("chat")
                    .get();
            chat.getSpec().getIngress().setHosts(List.of("chat.example.org"));
            chat.getSpec().getPodDisruptionBudget().setMinAvailable(new IntOrString(2));
            chat.getSpec().getHorizontalPodAutoscaler().setMaxReplicas(6);
            chat.getSpec().getMonitoring().setMetricsPath("/prometheus");
            Edits.replaceSpec(user, chat);
            agent = user.resources(LanguageAgent.class)
                    .inNamespace(NS)
                    .withName("digest")
                    .get();
            agent.getSpec().setExecutionMode(ExecutionMode.SCHEDULED);
            agent.getSpec().setSchedule("0 9 * * 1-5");
            agent.getSpec().getWorkspace().setSize("2Gi");
            Edits.replaceSpec(user, agent);
            eventually(() -> user.services()
                            .inNamespace(NS)
                            .withName("web-tool")
                            .get()
                            .getSpec()
                            .getPorts()
                            .getFirst()
                            .getPort()
                    == 8081);
            eventually(() -> user.configMaps()
                    .inNamespace(NS)
                    .withName("gpt-model")
                    .get()
                    .getData()
                    .toString()
                    .contains("qwen2.5-14b"));
            eventually(() -> user.network()
                    .networkPolicies()
                    .inNamespace(NS)
                    .withName("team-isolation")
                    .get()
                    .getSpec()
                    .getEgress()
                    .toString()
                    .contains("198.51.100.0/24"));
            eventually(() -> "2Gi"
                    .equals(user.persistentVolumeClaims()
                            .inNamespace(NS)
                            .withName("digest-workspace")
                            .get()
                            .getSpec()
                            .getResources()
                            .getRequests()
                            .get("storage")
                            .toString()));
            eventually(() -> user.network()
                    .v1()
                    .ingresses()
                    .inNamespace(NS)
                    .withName("chat-client")
                    .get()
                    .toString()
                    .contains("chat.example.org"));
            eventually(() -> user.policy()
                            .v1()
                            .podDisruptionBudget()
                            .inNamespace(NS)
                            .withName("chat-client")
                            .get()
                            .getSpec()
                            .getMinAvailable()
                            .getIntVal()
                    == 2);
            eventually(() -> user.autoscaling()
                            .v2()
                            .horizontalPodAutoscalers()
                            .inNamespace(NS)
                            .withName("chat-client")
                            .get()
                            .getSpec()
                            .getMaxReplicas()
                    == 6);
            eventually(() -> "/prometheus"
                    .equals(user.resources(ServiceMonitor.class)
                            .inNamespace(NS)
                            .withName("chat-client")
                            .get()
                            .getSpec()
                            .endpoints
                            .getFirst()
                            .path));
            eventually(() -> user.batch()
                            .v1()
                            .cronjobs()
                            .inNamespace(NS)
                            .withName("digest-agent")
                            .get()
                    != null);
            eventually(() -> user.apps()
                            .deployments()
                            .inNamespace(NS)
                            .withName("digest-agent")
                            .get()
                    == null);
            agent = user.resources(LanguageAgent.class)
                    .inNamespace(NS)
                    .withName("digest")
                    .get();
            agent.getSpec().setSchedule("0 10 * * 1-5");
            Edits.replaceSpec(user, agent);
            eventually(() -> "0 10 * * 1-5"
                    .equals(user.batch()
                            .v1()
                            .cronjobs()
                            .inNamespace(NS)
                            .withName("digest-agent")
                            .get()
                            .getSpec()
                            .getSchedule()));

            // deletions: what an earlier spec needed goes
            llm.thenText("```java\n" + valid + "\n```");
            web = user.resources(LanguageTool.class)
                    .inNamespace(NS)
                    .withName("web")
                    .get();
            web.getSpec().setDeploymentMode(DeploymentMode.SIDECAR);
            Edits.replaceSpec(user, web);
            agent = user.resources(LanguageAgent.class)
                    .inNamespace(NS)
                    .withName("digest")
                    .get();
            agent.getSpec().getWorkspace().setEnabled(false);
            agent.getSpec()
                    .setInstructions(null); // brought code replaces instructions: the synthesized <agent>-code goes
            agent.getSpec().setCodeRef(code);
            agent.getSpec().setExecutionMode(ExecutionMode.AUTONOMOUS); // and the CronJob goes
            agent.getSpec().setSchedule(null);
            Edits.replaceSpec(user, agent);
            brought = user.resources(LanguageAgent.class)
                    .inNamespace(NS)
                    .withName("brought")
                    .get();
            brought.getSpec().setEventTriggers(List.of(webhook(WebhookAuthentication.NONE))); // its Secret goes
            Edits.replaceSpec(user, brought);
            eventually(() ->
                    user.secrets().inNamespace(NS).withName("brought-webhooks").get() == null);
            chat = user.resources(LanguageClient.class)
                    .inNamespace(NS)
                    .withName("chat")
                    .get();
            chat.getSpec().getIngress().setEnabled(false);
            chat.getSpec().setPodDisruptionBudget(null);
            chat.getSpec().getHorizontalPodAutoscaler().setEnabled(false);
            chat.getSpec().getMonitoring().setServiceMonitor(false);
            Edits.replaceSpec(user, chat);

            eventually(() -> user.network()
                            .v1()
                            .ingresses()
                            .inNamespace(NS)
                            .withName("chat-client")
                            .get()
                    == null);
            eventually(() -> user.policy()
                            .v1()
                            .podDisruptionBudget()
                            .inNamespace(NS)
                            .withName("chat-client")
                            .get()
                    == null);
            eventually(() -> user.autoscaling()
                            .v2()
                            .horizontalPodAutoscalers()
                            .inNamespace(NS)
                            .withName("chat-client")
                            .get()
                    == null);
            eventually(() -> user.resources(ServiceMonitor.class)
                            .inNamespace(NS)
                            .withName("chat-client")
                            .get()
                    == null);
            eventually(() -> user.apps()
                            .deployments()
                            .inNamespace(NS)
                            .withName("web-tool")
                            .get()
                    == null);
            eventually(
                    () -> user.services().inNamespace(NS).withName("web-tool").get() == null);
            eventually(() -> user.batch()
                            .v1()
                            .cronjobs()
                            .inNamespace(NS)
                            .withName("digest-agent")
                            .get()
                    == null);
            eventually(() -> user.persistentVolumeClaims()
                            .inNamespace(NS)
                            .withName("digest-workspace")
                            .get()
                    == null);
            eventually(() ->
                    user.configMaps().inNamespace(NS).withName("digest-code").get() == null);
            eventually(() -> "langop"
                            .equals(user.serviceAccounts()
                                    .inNamespace(NS)
                                    .withName("team-dashboard")
                                    .get()
                                    .getMetadata()
                                    .getLabels()
                                    .get("app.kubernetes.io/part-of"))
                    && "langop"
                            .equals(user.rbac()
                                    .roleBindings()
                                    .inNamespace(NS)
                                    .withName("team-dashboard")
                                    .get()
                                    .getMetadata()
                                    .getLabels()
                                    .get("app.kubernetes.io/part-of"))
                    && "langop"
                            .equals(dashboardRole(user)
                                    .getMetadata()
                                    .getLabels()
                                    .get("app.kubernetes.io/part-of")));
            // the dashboard turned off takes its objects with it
            LanguageCluster withoutDashboard = user.resources(LanguageCluster.class)
                    .inNamespace(NS)
                    .withName("team")
                    .get();
            withoutDashboard.getSpec().getDashboard().setEnabled(false);
            Edits.replaceSpec(user, withoutDashboard);
            eventually(() -> dashboardRole(user) == null
                    && user.rbac()
                                    .roleBindings()
                                    .inNamespace(NS)
                                    .withName("team-dashboard")
                                    .get()
                            == null
                    && user.serviceAccounts()
                                    .inNamespace(NS)
                                    .withName("team-dashboard")
                                    .get()
                            == null
                    && user.services()
                                    .inNamespace(NS)
                                    .withName("team-dashboard")
                                    .get()
                            == null
                    && user.apps()
                                    .deployments()
                                    .inNamespace(NS)
                                    .withName("team-dashboard")
                                    .get()
                            == null
                    && user.network()
                                    .networkPolicies()
                                    .inNamespace(NS)
                                    .withName("team-dashboard")
                                    .get()
                            == null);
            // a deleted cluster gives its namespace its labels back before its finalizer goes
            user.resources(LanguageCluster.class)
                    .inNamespace(NS)
                    .withName("team")
                    .delete();
            eventually(() -> user.resources(LanguageCluster.class)
                            .inNamespace(NS)
                            .withName("team")
                            .get()
                    == null);
            operator.assertNoWritesWhileIdle(Duration.ofSeconds(1));

            return new Run(
                    api.requests().since(operatorStart).stream()
                            .filter(request -> !TEST_CLIENT.equals(request.userAgent()))
                            .map(OperatorAccessTest::access)
                            .collect(java.util.stream.Collectors.toCollection(TreeSet::new)),
                    grantedToTheDashboard);
        }
    }

    /** {@code group/resource[/subresource]:verb} of one request, as the API server's RBAC authorizer sees it. */
    static String access(ApiRequests.Request request) {
        String path = request.path();
        boolean watch = request.isWatch();
        String[] parts = path.replaceFirst("\\?.*", "").replaceFirst("^/", "").split("/");
        int start;
        String group;
        if (parts[0].equals("api")) {
            group = "";
            start = 2;
        } else {
            group = parts[1];
            start = 3;
        }
        List<String> rest = List.of(parts).subList(start, parts.length);
        if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
            rest = rest.subList(2, rest.size()); // namespaced: drop "namespaces/<ns>"
        }
        String resource = rest.get(0) + (rest.size() > 2 ? "/" + rest.get(2) : "");
        boolean named = rest.size() > 1;
        String verb = switch (request.method()) {
            case "GET" -> watch ? "watch" : named ? "get" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> named ? "delete" : "deletecollection";
            default -> throw new IllegalArgumentException("unexpected request " + request);
        };
        return group + "/" + resource + ":" + verb;
    }

    private static boolean hasCodeHash(Deployment deployment) {
        return deployment != null
                && deployment.getSpec().getTemplate().getMetadata().getAnnotations() != null
                && deployment
                        .getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getAnnotations()
                        .containsKey("langop.io/code-hash");
    }

    private static NetworkRule serviceRule(String service, int port) {
        NetworkRule rule = cidrRule(null, port);
        rule.getTo().setService(new ServiceReference());
        rule.getTo().getService().setName(service);
        rule.getTo().getService().setNamespace(NS);
        return rule;
    }

    private static NetworkRule cidrRule(String cidr, int port) {
        NetworkRule rule = new NetworkRule();
        rule.setTo(new NetworkPeer());
        rule.getTo().setCidr(cidr);
        NetworkPort networkPort = new NetworkPort();
        networkPort.setPort(port);
        rule.setPorts(List.of(networkPort));
        return rule;
    }

    private static EventTrigger watching(String kind, String name) {
        KubernetesEventSource watch = new KubernetesEventSource();
        watch.setKind(kind);
        watch.setNames(name == null ? null : List.of(name));
        EventTrigger trigger = new EventTrigger();
        trigger.setType(EventTriggerType.KUBERNETES_EVENT);
        trigger.setKubernetes(watch);
        return trigger;
    }

    private static EventTrigger webhook(WebhookAuthentication authentication) {
        EventTrigger trigger = new EventTrigger();
        trigger.setType(EventTriggerType.WEBHOOK);
        trigger.setSource("deploys");
        trigger.setAuthentication(authentication);
        return trigger;
    }

    private static void eventually(Supplier<Boolean> condition) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(condition::get);
    }

    private static LanguageCluster cluster() {
        LanguageCluster cluster = new LanguageCluster();
        cluster.setMetadata(
                new ObjectMetaBuilder().withName("team").withNamespace(NS).build());
        cluster.setSpec(new LanguageClusterSpec());
        cluster.getSpec().setDashboard(new ClusterDashboard());
        cluster.getSpec().getDashboard().setEnabled(true);
        return cluster;
    }

    private static Role dashboardRole(KubernetesClient user) {
        return user.rbac().roles().inNamespace(NS).withName("team-dashboard").get();
    }

    private static LanguageClient languageClient() {
        LanguageClient client = new LanguageClient();
        client.setMetadata(
                new ObjectMetaBuilder().withName("chat").withNamespace(NS).build());
        client.setSpec(new LanguageClientSpec());
        client.getSpec().setImage("ghcr.io/langop/chat:1");
        ModelReference model = new ModelReference();
        model.setName("gpt");
        client.getSpec().setModelRefs(List.of(model));
        client.getSpec().setIngress(new IngressSpec());
        client.getSpec().getIngress().setEnabled(true);
        client.getSpec().getIngress().setHosts(List.of("chat.example.com"));
        client.getSpec().setPodDisruptionBudget(new PodDisruptionBudgetSpec());
        client.getSpec().getPodDisruptionBudget().setMinAvailable(new IntOrString(1));
        client.getSpec().setHorizontalPodAutoscaler(new Autoscaling());
        client.getSpec().getHorizontalPodAutoscaler().setEnabled(true);
        client.getSpec().getHorizontalPodAutoscaler().setMinReplicas(2);
        client.getSpec().getHorizontalPodAutoscaler().setMaxReplicas(5);
        client.getSpec().setMonitoring(new Monitoring());
        client.getSpec().getMonitoring().setServiceMonitor(true);
        return client;
    }
}
