package io.langop.operator.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.sdk.mcp.TestMcpServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The catalog asks a real MCP server over HTTP; when the server cannot be asked, the spec speaks. */
class ToolCatalogTest {

    private static final ToolDescriptor WEB_FROM_SPEC = new ToolDescriptor("web", "MCP tool server web", "");
    private static final ToolDescriptor MAIL_FROM_SPEC = new ToolDescriptor("mail", "MCP tool server mail", "");

    private final ToolCatalog catalog = new ToolCatalog(
            host -> {
                if (host.endsWith(".svc.cluster.local")) {
                    return List.of(InetAddress.getLoopbackAddress());
                }
                throw new UnknownHostException(host);
            },
            Duration.ofSeconds(
                    20)); // generous for a loaded machine: the unreachable cases fail at once, not by timeout

    @Test
    void aReachableServerIsDescribedByItsToolsList() throws Exception {
        try (TestMcpServer server = TestMcpServer.start(
                TestMcpServer.TestTool.of("web_search", "query", arguments -> "none"),
                TestMcpServer.TestTool.of("web_fetch", "url", arguments -> "none"))) {
            URI endpoint = URI.create(
                    "http://web-tool.team.svc.cluster.local:" + server.url().getPort() + "/mcp");

            List<ToolDescriptor> tools =
                    catalog.describe(List.of(new ToolSource(WEB_FROM_SPEC, Optional.of(endpoint))));

            assertThat(tools).extracting(ToolDescriptor::name).containsExactlyInAnyOrder("web_search", "web_fetch");
            assertThat(tools)
                    .filteredOn(tool -> tool.name().equals("web_search"))
                    .singleElement()
                    .satisfies(tool -> {
                        assertThat(tool.description()).isEqualTo("test tool web_search");
                        assertThat(tool.inputSchema()).contains("\"query\"").contains("\"required\"");
                    });
        }
    }

    @Test
    void aServerThatCannotBeAskedIsDescribedByItsSpec() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        List<ToolSource> sources = List.of(
                new ToolSource(
                        WEB_FROM_SPEC,
                        Optional.of(URI.create("http://web-tool.team.svc.cluster.local:" + closedPort + "/mcp"))),
                new ToolSource(MAIL_FROM_SPEC, Optional.of(URI.create("http://mail-tool.elsewhere:8080/mcp"))),
                new ToolSource(new ToolDescriptor("files", "MCP tool server files", ""), Optional.empty()));

        assertThat(catalog.describe(sources)).extracting(ToolDescriptor::name).containsExactly("web", "mail", "files");
    }
}
