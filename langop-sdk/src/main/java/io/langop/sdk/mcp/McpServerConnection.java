package io.langop.sdk.mcp;

import io.langop.sdk.retry.Backoff;
import io.langop.wire.ServiceWire;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session with one MCP server over streamable HTTP, falling back to the older HTTP+SSE transport
 * when the server does not speak streamable HTTP. A URL without a path means the {@code /mcp} endpoint.
 *
 * <p>A tool call that certainly did not reach the server is made again with {@link Backoff#MCP_RECONNECT}:
 * when nothing listens (the server is restarting) or when the server answered that it no longer knows
 * this session (it restarted; the MCP client then opens a new one). A call that may have reached the
 * tool is never repeated, since tools have side effects (a mail sent twice).
 */
final class McpServerConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(McpServerConnection.class);
    private static final McpSchema.Implementation CLIENT =
            McpSchema.Implementation.builder("langop-agent", "0.1.0").build();
    /**
     * How the MCP SDK (2.1) fails the requests pending on a session when the server answers 404 for it,
     * i.e. does not know it: the server ran none of them. (A server that dies during a call fails it with
     * an I/O error instead.) McpToolsTest pins this behaviour.
     */
    private static final String SESSION_UNKNOWN_TO_SERVER = "MCP session with server terminated";

    private final URI url;
    private final McpSyncClient client;
    private final List<McpSchema.Tool> tools;

    private McpServerConnection(URI url, McpSyncClient client, List<McpSchema.Tool> tools) {
        this.url = url;
        this.client = client;
        this.tools = List.copyOf(tools);
    }

    static McpServerConnection open(URI url, Duration requestTimeout) {
        String base = url.getScheme() + "://" + url.getRawAuthority();
        String path = url.getRawPath() == null
                        || url.getRawPath().isEmpty()
                        || url.getRawPath().equals("/")
                ? ServiceWire.MCP_PATH
                : url.getRawPath();
        try {
            return initialize(
                    url,
                    HttpClientStreamableHttpTransport.builder(base)
                            .endpoint(path)
                            .addHttpRequestCustomizer(ToolCallSpans.headers())
                            .build(),
                    requestTimeout);
        } catch (RuntimeException streamableFailed) {
            if (nothingListening(streamableFailed)) {
                throw streamableFailed; // no transport can succeed: fail fast and let the retry policy wait
            }
            LOG.debug("Streamable HTTP failed for {}, trying HTTP+SSE: {}", url, streamableFailed.getMessage());
            try {
                String ssePath = path.equals(ServiceWire.MCP_PATH) ? ServiceWire.MCP_SSE_PATH : path;
                return initialize(url, sseTransport(base, ssePath), requestTimeout);
            } catch (RuntimeException sseFailed) {
                streamableFailed.addSuppressed(sseFailed);
                throw streamableFailed;
            }
        }
    }

    // The HTTP+SSE transport is deprecated in the SDK as in the protocol, but servers of the 2024-11-05
    // protocol still speak only that: kept as the fallback until they are gone.
    @SuppressWarnings("deprecation")
    private static McpClientTransport sseTransport(String base, String ssePath) {
        return HttpClientSseClientTransport.builder(base)
                .sseEndpoint(ssePath)
                .addHttpRequestCustomizer(ToolCallSpans.headers())
                .build();
    }

    private static boolean nothingListening(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static McpServerConnection initialize(URI url, McpClientTransport transport, Duration requestTimeout) {
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(CLIENT)
                .requestTimeout(requestTimeout)
                .initializationTimeout(requestTimeout)
                .transportContextProvider(ToolCallSpans.capture())
                .build();
        try {
            client.initialize();
            List<McpSchema.Tool> tools = new ArrayList<>();
            String cursor = null;
            do {
                McpSchema.ListToolsResult page = client.listTools(cursor);
                tools.addAll(page.tools());
                cursor = page.nextCursor();
            } while (cursor != null);
            return new McpServerConnection(url, client, tools);
        } catch (RuntimeException failed) {
            client.close();
            throw failed;
        }
    }

    URI url() {
        return url;
    }

    List<McpSchema.Tool> tools() {
        return tools;
    }

    McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) throws InterruptedException {
        var request = McpSchema.CallToolRequest.builder(tool)
                .arguments(arguments)
                .meta(ToolCallSpans.meta())
                .build();
        try {
            return Backoff.MCP_RECONNECT.call(
                    "Call of tool " + tool + " at " + url,
                    () -> client.callTool(request),
                    McpServerConnection::didNotReachTheServer);
        } catch (InterruptedException | RuntimeException failure) {
            throw failure;
        } catch (Exception unexpected) {
            throw new IllegalStateException(unexpected); // callTool throws nothing checked
        }
    }

    private static boolean didNotReachTheServer(Exception failure) {
        return nothingListening(failure) || SESSION_UNKNOWN_TO_SERVER.equals(failure.getMessage());
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
