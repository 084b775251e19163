package io.langop.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.api.v1alpha1.model.FallbackCondition;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.model.LoadBalancing;
import io.langop.api.v1alpha1.model.ModelEndpoint;
import io.langop.api.v1alpha1.model.ModelFallback;
import io.langop.operator.agent.Fixtures;
import io.langop.proxy.config.EndpointConfig;
import io.langop.proxy.config.ModelConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the proxy is told about a model's upstream endpoints. */
class ProxyConfigRendererTest {

    @Test
    void loadBalancedEndpointsComeInAdditionToTheSpecsEndpoint() {
        LanguageModel model = Fixtures.model("models", "llama");
        model.getSpec().setLoadBalancing(balancing(endpoint("http://vllm-1.inference.svc:8000/v1", 50)));

        assertThat(endpoints(model))
                .extracting(e -> e.url() + " " + e.weight())
                .containsExactly("http://vllm.inference.svc:8000/v1 100", "http://vllm-1.inference.svc:8000/v1 50");
    }

    @Test
    void theSpecsEndpointListedAgainIsServedOnceWithTheListedWeight() {
        LanguageModel model = Fixtures.model("models", "llama");
        model.getSpec()
                .setLoadBalancing(balancing(
                        endpoint("http://vllm.inference.svc:8000/v1/", 20),
                        endpoint("http://vllm-1.inference.svc:8000/v1", 80)));

        assertThat(endpoints(model))
                .extracting(e -> e.url() + " " + e.weight())
                .containsExactly("http://vllm.inference.svc:8000/v1/ 20", "http://vllm-1.inference.svc:8000/v1 80");
    }

    @Test
    void withoutLoadBalancingTheSpecsEndpointIsTheOnlyOne() {
        assertThat(endpoints(Fixtures.model("models", "llama")))
                .extracting(e -> e.url().toString())
                .containsExactly("http://vllm.inference.svc:8000/v1");
    }

    @Test
    void theConditionsOfAFallbackReachTheProxyUnderItsName() {
        LanguageModel model = Fixtures.model("models", "llama");
        ModelFallback whenSlow = new ModelFallback();
        whenSlow.setModelRef("gpt");
        whenSlow.setConditions(List.of(FallbackCondition.TIMEOUT, FallbackCondition.RATE_LIMIT));
        ModelFallback always = new ModelFallback();
        always.setModelRef("claude");
        model.getSpec().setFallbacks(List.of(whenSlow, always));

        ModelConfig rendered = ProxyConfigRenderer.render(
                        model, List.of(Fixtures.model("models", "gpt"), Fixtures.model("models", "claude")), List.of())
                .models()
                .getFirst();

        assertThat(rendered.fallbacks()).containsExactly("gpt", "claude");
        assertThat(rendered.fallsBackTo("gpt", io.langop.proxy.config.FallbackCondition.TIMEOUT))
                .isTrue();
        assertThat(rendered.fallsBackTo("gpt", io.langop.proxy.config.FallbackCondition.ERROR))
                .isFalse();
        assertThat(rendered.fallsBackTo("claude", io.langop.proxy.config.FallbackCondition.ERROR))
                .isTrue();
    }

    private static List<EndpointConfig> endpoints(LanguageModel model) {
        return ProxyConfigRenderer.render(model, List.of(), List.of())
                .models()
                .getFirst()
                .endpoints();
    }

    private static LoadBalancing balancing(ModelEndpoint... endpoints) {
        LoadBalancing balancing = new LoadBalancing();
        balancing.setEndpoints(List.of(endpoints));
        return balancing;
    }

    private static ModelEndpoint endpoint(String url, int weight) {
        ModelEndpoint endpoint = new ModelEndpoint();
        endpoint.setUrl(url);
        endpoint.setWeight(weight);
        return endpoint;
    }
}
