package io.langop.tool.web;

import io.langop.kit.tool.ToolServer;
import io.langop.tool.web.egress.PinnedDns;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the web tool image: {@code web_search}, {@code web_fetch}, {@code web_headers} and
 * {@code web_status} over MCP on {@code PORT} (default 8080), configured by {@link WebSettings}.
 */
public final class WebToolServer {

    private static final Logger LOG = LoggerFactory.getLogger(WebToolServer.class);

    private WebToolServer() {}

    public static void main(String[] args) throws InterruptedException {
        WebSettings settings = WebSettings.fromEnv();
        LOG.info(
                "search engine {} at {}; private networks allowed: {}; DNS pinning {}",
                settings.engine().name().toLowerCase(Locale.ROOT),
                settings.searchEndpoint(),
                settings.egress().policy().allowed().isEmpty()
                        ? "none"
                        : settings.egress().policy().allowed(),
                PinnedDns.installed() ? "active" : "INACTIVE");
        ToolServer.serve("langop-tool-web", new WebTools(settings).all()).join();
    }
}
