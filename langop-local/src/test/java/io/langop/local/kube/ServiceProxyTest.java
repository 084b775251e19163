package io.langop.local.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceProxyTest {

    @Test
    void takesTheServicePortAndPathOutOfAProxyPath() {
        assertThat(ServiceProxy.target("/api/v1/namespaces/research/services/helper-agent/proxy/v1/chat/completions"))
                .contains(
                        new ServiceProxy.Target("research", "helper-agent", Optional.empty(), "/v1/chat/completions"));
        assertThat(ServiceProxy.target("/api/v1/namespaces/research/services/helper-agent:8000/proxy/"))
                .contains(new ServiceProxy.Target("research", "helper-agent", Optional.of("8000"), "/"));
        assertThat(ServiceProxy.target("/api/v1/namespaces/research/services/http:helper-agent:http/proxy"))
                .contains(new ServiceProxy.Target("research", "helper-agent", Optional.of("http"), "/"));
        assertThat(ServiceProxy.target("/api/v1/namespaces/research/services/httpbin:80/proxy/x"))
                .contains(new ServiceProxy.Target("research", "httpbin", Optional.of("80"), "/x"));
        assertThat(ServiceProxy.target("/api/v1/namespaces/research/services/https:helper-agent/proxy/x"))
                .contains(new ServiceProxy.Target("research", "helper-agent", Optional.empty(), "/x"));
    }

    @Test
    void leavesEveryOtherPathToTheStore() {
        assertThat(ServiceProxy.target("/api/v1/namespaces/research/services/helper-agent"))
                .isEmpty();
        assertThat(ServiceProxy.target("/api/v1/namespaces/research/pods/x/proxy/y"))
                .isEmpty();
    }
}
