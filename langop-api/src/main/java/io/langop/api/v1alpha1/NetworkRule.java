package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Traffic a component may send (egress) or receive (ingress). */
@ValidationRule(
        value = "!has(self.from)",
        message =
                "from is not supported yet: an egress rule names its destination (to) and applies to the object's own pods")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NetworkRule {

    @JsonPropertyDescription("Why this traffic is allowed.")
    private String description;

    @JsonPropertyDescription("Source of the traffic (ingress rules).")
    private NetworkPeer from;

    @JsonPropertyDescription("Destination of the traffic (egress rules).")
    private NetworkPeer to;

    @JsonPropertyDescription("Allowed ports; none means all ports.")
    private List<NetworkPort> ports;

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public NetworkPeer getFrom() {
        return from;
    }

    public void setFrom(NetworkPeer from) {
        this.from = from;
    }

    public NetworkPeer getTo() {
        return to;
    }

    public void setTo(NetworkPeer to) {
        this.to = to;
    }

    public List<NetworkPort> getPorts() {
        return ports;
    }

    public void setPorts(List<NetworkPort> ports) {
        this.ports = ports;
    }
}
