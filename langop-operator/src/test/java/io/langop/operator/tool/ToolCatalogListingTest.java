package io.langop.operator.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.v1alpha1.tool.AvailableTool;
import io.langop.api.v1alpha1.tool.DeploymentMode;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.OperatorSettings;
import io.langop.operator.agent.Fixtures;
import io.langop.operator.harness.Edits;
import io.langop.operator.harness.OperatorHarness;
import io.langop.operator.harness.ServiceMap;
import io.langop.sdk.mcp.McpTools;
import io.langop.sdk.mcp.TestMcpServer;
import io.langop.sdk.mcp.TestMcpServer.TestTool;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator lists every tool server's tools into {@code LanguageTool.status.availableTools}, asking
 * real MCP servers over loopback: a service tool through its Service, a sidecar tool through a catalog pod
 * that is removed once listed; once per generation, so an idle operator writes nothing.
 */
class ToolCatalogListingTest {

    private static final String NS = "catalogs";
    private static final Map<String, Object> SEARCH_ANSWER = Map.of(
            "type",
            "object",
            "properties",
            Map.of("results", Map.of("type", "array", "items", Map.of("type", "object"))),
            "required",
            List.of("results"));

    private static final ServiceMap services = new ServiceMap();
    private static OperatorHarness operator;
    private static KubernetesClient client;

    @BeforeAll
    static void startOperator() {
        // the first MCP conversation in a JVM loads the client's classes: pay that here, not in a test's wait
        try (TestMcpServer warmUp = TestMcpServer.start(TestTool.of("echo", "text", args -> ""))) {
            McpTools.listTools(warmUp.url(), Duration.ofSeconds(60));
        }
        operator = OperatorHarness.start(
                OperatorSettings.defaults(),
                host -> {
                    throw new UnknownHostException(host);
                },
                services);
        client = operator.client();
    }

    @AfterAll
    static void stopOperator() {
        operator.close();
    }

    @Test
    void aServiceToolsCatalogIsWrittenToItsStatusWithItsSchemasAndNotReadAgainWhileNothingChanges() {
        try (TestMcpServer server = TestMcpServer.start(TestTool.of("web_search", "query", args -> "hits")
                .withData(SEARCH_ANSWER, args -> Map.of("results", List.of())))) {
            services.serve(NS, "search-tool", server.url());
            client.resource(Fixtures.tool(NS, "search", DeploymentMode.SERVICE, 8080))
                    .create();

            LanguageTool listed = eventually().until(() -> tool("search"), t -> listedTrue(t));
            assertThat(listed.getStatus().getAvailableTools()).singleElement().satisfies(tool -> {
                assertThat(tool.getName()).isEqualTo("web_search");
                assertThat(tool.getDescription()).isEqualTo("test tool web_search");
                assertThat(tool.getInputSchema().path("required").toString()).isEqualTo("[\"query\"]");
                assertThat(tool.getInputSchema()
                                .path("properties")
                                .path("query")
                                .path("type")
                                .asText())
                        .isEqualTo("string");
                assertThat(tool.getOutputSchema().path("properties").has("results"))
                        .isTrue();
            });
            assertThat(condition(listed).getMessage()).isEqualTo("1 tool(s): web_search");
            eventually().until(() -> eventReasons("search").contains("ToolsListed"));
            operator.assertNoWritesWhileIdle(Duration.ofSeconds(1));
        }
    }

    @Test
    void aSidecarToolIsListedByACatalogPodThatIsRemovedOnceItHasAnswered() {
        try (TestMcpServer server = TestMcpServer.start(
                TestTool.of("read_file", "path", args -> "content"), TestTool.of("list_dir", "path", args -> ""))) {
            services.serve(NS, "files-tool", server.url());
            LanguageTool sidecar = Fixtures.tool(NS, "files", DeploymentMode.SIDECAR, 8090);
            sidecar.getSpec().setReplicas(3);
            client.resource(sidecar).create();

            LanguageTool listed = eventually().until(() -> tool("files"), t -> listedTrue(t));
            assertThat(listed.getStatus().getAvailableTools())
                    .extracting(AvailableTool::getName)
                    .containsExactlyInAnyOrder("read_file", "list_dir");
            // the catalog pod ran the sidecar's own container, once, and is gone once the tools are listed
            eventually().until(() -> deployment("files-tool") == null && service("files-tool") == null);
            assertThat(operator.api().requests().writesSince(0))
                    .extracting(request -> request.method() + " " + request.path())
                    .anyMatch(write -> write.startsWith("DELETE") && write.contains("/deployments/files-tool"))
                    .anyMatch(write -> write.startsWith("DELETE") && write.contains("/services/files-tool"));
            operator.assertNoWritesWhileIdle(Duration.ofSeconds(1));
        }
    }

    @Test
    void aServerThatDoesNotAnswerYetLeavesTheCatalogPendingUntilItAnswersAndASpecChangeListsItAgain() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        services.serve(NS, "late-tool", URI.create("http://127.0.0.1:" + port));
        client.resource(Fixtures.tool(NS, "late", DeploymentMode.SERVICE, 8080)).create();

        LanguageTool pending = eventually().until(() -> tool("late"), t -> condition(t) != null);
        assertThat(condition(pending).getStatus()).isEqualTo("False");
        assertThat(condition(pending).getReason()).isEqualTo("Listing");
        assertThat(condition(pending).getMessage())
                .startsWith("the tool server did not list its tools: ")
                .doesNotContain(": null");

        try (TestMcpServer server = TestMcpServer.startOn(port, TestTool.of("translate", "text", args -> ""))) {
            LanguageTool listed = eventually().until(() -> tool("late"), t -> listedTrue(t));
            assertThat(listed.getStatus().getAvailableTools())
                    .extracting(AvailableTool::getName)
                    .containsExactly("translate");
        }
        try (TestMcpServer updated = TestMcpServer.startOn(
                port,
                TestTool.of("translate", "text", args -> ""),
                TestTool.of("detect_language", "text", args -> ""))) {
            LanguageTool tool = tool("late");
            tool.getSpec()
                    .setEnv(List.of(new EnvVarBuilder()
                            .withName("VERSION")
                            .withValue("2")
                            .build()));
            Edits.replaceSpec(client, tool);
            eventually()
                    .until(
                            () -> tool("late"),
                            t -> listedTrue(t)
                                    && t.getStatus().getAvailableTools().size() == 2);
        }
    }

    /** A loaded machine runs listings on the reconcile threads of every test class at once. */
    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50));
    }

    private static boolean listedTrue(LanguageTool tool) {
        Condition listed = condition(tool);
        return listed != null
                && "True".equals(listed.getStatus())
                && listed.getObservedGeneration().equals(tool.getMetadata().getGeneration());
    }

    private static Condition condition(LanguageTool tool) {
        return tool.getStatus() == null || tool.getStatus().getConditions() == null
                ? null
                : tool.getStatus().getConditions().stream()
                        .filter(c -> "ToolsListed".equals(c.getType()))
                        .findFirst()
                        .orElse(null);
    }

    private static LanguageTool tool(String name) {
        return client.resources(LanguageTool.class)
                .inNamespace(NS)
                .withName(name)
                .get();
    }

    private static Deployment deployment(String name) {
        return client.apps().deployments().inNamespace(NS).withName(name).get();
    }

    private static Service service(String name) {
        return client.services().inNamespace(NS).withName(name).get();
    }

    private static List<String> eventReasons(String tool) {
        return client.v1().events().inNamespace(NS).list().getItems().stream()
                .filter(event -> tool.equals(event.getInvolvedObject().getName()))
                .map(Event::getReason)
                .toList();
    }
}
