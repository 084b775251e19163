package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** A port a network rule allows. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NetworkPort {

    @Default("TCP")
    @JsonPropertyDescription("Transport protocol.")
    private NetworkProtocol protocol;

    @Required
    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("Port number.")
    private Integer port;

    public NetworkProtocol getProtocol() {
        return protocol;
    }

    public void setProtocol(NetworkProtocol protocol) {
        this.protocol = protocol;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }
}
