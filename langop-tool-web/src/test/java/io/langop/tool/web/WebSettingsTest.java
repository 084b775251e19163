package io.langop.tool.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.langop.tool.web.egress.AddressPolicy;
import io.langop.tool.web.search.DuckDuckGo;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebSettingsTest {

    @Test
    void defaultsAreDuckDuckGoPublicAddressesOnlyAndBoundedFetches() {
        WebSettings settings = WebSettings.fromEnv(Map.of());

        assertThat(settings.engine()).isEqualTo(WebSettings.Engine.DUCKDUCKGO);
        assertThat(settings.searchEndpoint()).isEqualTo(DuckDuckGo.DEFAULT_ENDPOINT);
        assertThat(settings.egress().policy()).isEqualTo(AddressPolicy.publicOnly());
        assertThat(settings.egress().userAgent()).isEqualTo(WebSettings.DEFAULT_USER_AGENT);
        assertThat(settings.egress().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.egress().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.egress().maxResponseBytes()).isEqualTo(5 * 1024 * 1024);
    }

    @Test
    void searxngIsSelectedByConfiguration() {
        WebSettings settings = WebSettings.fromEnv(
                Map.of("WEB_SEARCH_ENGINE", "SearXNG", "WEB_SEARCH_URL", "http://searxng.search:8080"));

        assertThat(settings.engine()).isEqualTo(WebSettings.Engine.SEARXNG);
        assertThat(settings.searchEndpoint()).isEqualTo(URI.create("http://searxng.search:8080"));
    }

    @Test
    void invalidValuesNameTheirVariable() {
        assertThatThrownBy(() -> WebSettings.fromEnv(Map.of("WEB_SEARCH_ENGINE", "bing")))
                .hasMessage("WEB_SEARCH_ENGINE must be duckduckgo or searxng, got 'bing'");
        assertThatThrownBy(() -> WebSettings.fromEnv(Map.of("WEB_SEARCH_ENGINE", "searxng")))
                .hasMessageStartingWith("WEB_SEARCH_ENGINE=searxng needs WEB_SEARCH_URL");
        assertThatThrownBy(() -> WebSettings.fromEnv(Map.of("WEB_SEARCH_URL", "searxng:8080")))
                .hasMessage("WEB_SEARCH_URL must be an http(s) URL, got 'searxng:8080'");
        assertThatThrownBy(() -> WebSettings.fromEnv(Map.of("WEB_TIMEOUT_SECONDS", "-1")))
                .hasMessage("WEB_TIMEOUT_SECONDS must be a positive whole number, got '-1'");
        assertThatThrownBy(() -> WebSettings.fromEnv(Map.of("WEB_ALLOWED_NETWORKS", "10.0.0.0/8,metadata")))
                .hasMessage("WEB_ALLOWED_NETWORKS: 'metadata' is not an IP address or CIDR network");
    }
}
