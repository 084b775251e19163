package io.langop.proxy.gateway;

import io.langop.proxy.cache.ResponseCache;
import io.langop.proxy.config.ModelConfig;
import io.langop.proxy.routing.EndpointPool;
import io.langop.proxy.upstream.Protocol;

/** A configured model with its live routing state and cache. */
public record ModelRuntime(ModelConfig config, Protocol protocol, EndpointPool pool, ResponseCache cache) {

    public String name() {
        return config.name();
    }
}
