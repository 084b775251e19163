package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

/** An event that starts an event-driven agent. */
@ValidationRule(
        value = "self.type == 'webhook'",
        message = "eventTriggers type kubernetes-event, message-queue and schedule are not supported yet: use webhook"
                + " (CloudEvents are delivered to webhooks too)")
@ValidationRule(
        value = "self.type != 'webhook' || !has(self.source) || self.source.matches('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$')",
        message = "a webhook's source is its path below /webhook/: lower-case letters, digits and '-'",
        fieldPath = ".source")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EventTrigger {

    @Required
    @JsonPropertyDescription(
            "Kind of event: webhook (kubernetes-event, message-queue and schedule are not supported" + " yet).")
    private EventTriggerType type;

    @Size(max = 63)
    @JsonPropertyDescription("Where events come from. For a webhook, its path below /webhook/ (github serves"
            + " /webhook/github); unset, the webhook is /webhook itself.")
    private String source;

    @Default("hmac")
    @JsonPropertyDescription("How a webhook knows the sender: github (X-Hub-Signature-256), gitlab (X-Gitlab-Token),"
            + " hmac (X-Langop-Signature over X-Langop-Timestamp and the body, within 5 minutes) or none. The operator"
            + " generates the secret into Secret <agent>-webhooks.")
    private WebhookAuthentication authentication;

    @JsonPropertyDescription("Values an event must carry to start a run: dotted paths over event (the payload),"
            + " headers (lower-case names) or ce (CloudEvent attributes), each equal to the given text.")
    private Map<String, String> filter;

    @Size(max = 4096)
    @JsonPropertyDescription("A CEL expression over event, headers and ce that must be true for the event to start a"
            + " run; checked when the operator reconciles the agent.")
    private String condition;

    @JsonPropertyDescription(
            "The run's event: each field a CEL expression over event, headers and ce; unset, the" + " payload as sent.")
    private Map<String, String> mapping;

    public EventTriggerType getType() {
        return type;
    }

    public void setType(EventTriggerType type) {
        this.type = type;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public WebhookAuthentication getAuthentication() {
        return authentication;
    }

    public void setAuthentication(WebhookAuthentication authentication) {
        this.authentication = authentication;
    }

    public Map<String, String> getFilter() {
        return filter;
    }

    public void setFilter(Map<String, String> filter) {
        this.filter = filter;
    }

    public String getCondition() {
        return condition;
    }

    public void setCondition(String condition) {
        this.condition = condition;
    }

    public Map<String, String> getMapping() {
        return mapping;
    }

    public void setMapping(Map<String, String> mapping) {
        this.mapping = mapping;
    }
}
