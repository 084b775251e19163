package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.langop.api.v1alpha1.Patterns;
import java.util.Map;

/**
 * An event that starts an event-driven agent: a webhook the agent serves, a source the operator watches and forwards
 * to the agent as a signed CloudEvent ({@code kubernetes-event}, {@code schedule}), or mail that an email tool watches
 * and forwards the same way ({@code mail}).
 */
@ValidationRule(
        value = "self.type != 'message-queue'",
        message = "eventTriggers type message-queue is not supported yet: use webhook (CloudEvents are delivered to"
                + " webhooks too)")
@ValidationRule(
        value = "!has(self.source) || self.source.matches('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$')",
        message = "a trigger's source is its path below /webhook/: lower-case letters, digits and '-'",
        fieldPath = ".source")
@ValidationRule(
        value = "self.type == 'kubernetes-event' ? has(self.kubernetes) : !has(self.kubernetes)",
        message = EventTrigger.KUBERNETES_FIELD,
        fieldPath = ".kubernetes")
@ValidationRule(
        value = "self.type == 'schedule' ? has(self.schedule) : !has(self.schedule)",
        message = EventTrigger.SCHEDULE_FIELD,
        fieldPath = ".schedule")
@ValidationRule(
        value = "self.type == 'mail' ? has(self.mail) : !has(self.mail)",
        message = EventTrigger.MAIL_FIELD,
        fieldPath = ".mail")
@ValidationRule(
        value = "self.type == 'webhook' || !has(self.authentication) || self.authentication == 'hmac'",
        message = EventTrigger.FORWARDED_AUTHENTICATION,
        fieldPath = ".authentication")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EventTrigger {

    // the schema's messages, which the operator repeats where no schema is checked (the in-process API server)
    public static final String KUBERNETES_FIELD =
            "a kubernetes-event trigger needs kubernetes (what it watches), and only it has one";
    public static final String SCHEDULE_FIELD =
            "a schedule trigger needs schedule (a cron expression or @every <duration>), and only it has one";
    public static final String MAIL_FIELD =
            "a mail trigger needs mail (the email tool that reads the mailbox: mail.tool), and only it has one";
    public static final String FORWARDED_AUTHENTICATION = "the operator (or the email tool) signs what it forwards"
            + " with hmac: leave authentication unset on kubernetes-event, schedule and mail triggers";

    @Required
    @JsonPropertyDescription(
            "Kind of event: webhook (served by the agent), kubernetes-event (changes the operator watches),"
                    + " schedule (times the operator fires) or mail (messages an email tool watches); message-queue is"
                    + " not supported yet.")
    private EventTriggerType type;

    @Size(max = 63)
    @JsonPropertyDescription("The trigger's path below /webhook/ (github serves /webhook/github) and the name of its"
            + " secret; unset, a webhook is /webhook itself, a kubernetes-event or schedule trigger <type>-<index>, a"
            + " mail trigger mail-<tool>.")
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

    @JsonPropertyDescription("For type kubernetes-event: the objects or Events of the agent's namespace to watch.")
    private KubernetesEventSource kubernetes;

    @JsonPropertyDescription(
            "For type mail: the email tool whose mailbox is watched, the folder and sender or subject" + " filters.")
    private MailTrigger mail;

    @Pattern(Patterns.TRIGGER_SCHEDULE)
    @JsonPropertyDescription("For type schedule: when the operator starts a run, in UTC: five cron fields, a macro such"
            + " as @hourly, or @every <duration> (at least 1s).")
    private String schedule;

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

    public KubernetesEventSource getKubernetes() {
        return kubernetes;
    }

    public void setKubernetes(KubernetesEventSource kubernetes) {
        this.kubernetes = kubernetes;
    }

    public MailTrigger getMail() {
        return mail;
    }

    public void setMail(MailTrigger mail) {
        this.mail = mail;
    }

    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    public Map<String, String> getMapping() {
        return mapping;
    }

    public void setMapping(Map<String, String> mapping) {
        this.mapping = mapping;
    }
}
