package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a {@code kubernetes-event} trigger watches in the agent's namespace. The operator watches it (the agent needs no
 * API access) and forwards each change to the agent as a CloudEvent. Only kinds the operator reads anyway can be
 * watched ({@link #WATCHABLE}), so a trigger widens neither the operator's RBAC nor what it sees; Secrets never.
 */
@ValidationRule(value = "self.kind != 'Secret'", message = KubernetesEventSource.NO_SECRETS, fieldPath = ".kind")
@ValidationRule(
        value = "self.kind == 'Secret' || ('|" + KubernetesEventSource.WATCHABLE + "|').contains('|' + self.apiVersion"
                + " + ' ' + self.kind + '|')",
        message = KubernetesEventSource.NOT_WATCHABLE,
        fieldPath = ".kind")
@ValidationRule(
        value = "self.kind == 'Event' || has(self.names) != has(self.labels)",
        message = KubernetesEventSource.NAMES_OR_LABELS)
@ValidationRule(
        value = "self.kind == 'Event' || !(has(self.reasons) || has(self.involvedObject))",
        message = KubernetesEventSource.EVENTS_ONLY)
@ValidationRule(
        value = "self.kind != 'Event' || !has(self.names)",
        message = KubernetesEventSource.NO_EVENT_NAMES,
        fieldPath = ".names")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KubernetesEventSource {

    /**
     * The {@code <apiVersion> <kind>} pairs a trigger may watch, separated by {@code |}: kinds the operator's RBAC lets
     * it list and watch already (see docs/triggers.md, "RBAC").
     */
    public static final String WATCHABLE = "v1 ConfigMap|v1 Event|v1 Service|v1 PersistentVolumeClaim"
            + "|apps/v1 Deployment|batch/v1 Job|batch/v1 CronJob";

    static final String WATCHABLE_TEXT = "ConfigMap, Event, Service and PersistentVolumeClaim (apiVersion v1),"
            + " Deployment (apps/v1), Job and CronJob (batch/v1)";

    // the schema's messages, which the operator repeats where no schema is checked (the in-process API server)
    public static final String NO_SECRETS = "Secrets are never forwarded: their data would reach the agent and its"
            + " model; watch a ConfigMap, or the Events about the Secret (kind: Event, involvedObject: {kind: Secret})";
    public static final String NOT_WATCHABLE = "kubernetes-event triggers watch " + WATCHABLE_TEXT;
    public static final String NAMES_OR_LABELS = "name the objects to watch: names or labels (one of them)";
    public static final String EVENTS_ONLY = "reasons and involvedObject select core Events: use them with kind Event";
    public static final String NO_EVENT_NAMES =
            "Events are named by the API server: select them by reasons or involvedObject";

    @Default("v1")
    @JsonPropertyDescription("The API version of the kind: v1, apps/v1 or batch/v1.")
    private String apiVersion;

    @Required
    @JsonPropertyDescription("The kind to watch: " + WATCHABLE_TEXT + ". Never Secret.")
    private String kind;

    @Size(min = 1, max = 16)
    @JsonPropertyDescription("The names of the objects to watch (or labels).")
    private List<String> names;

    @JsonPropertyDescription("The labels of the objects to watch, each equal to the given value (or names).")
    private Map<String, String> labels;

    @Default("[\"added\",\"modified\",\"deleted\"]")
    @Size(min = 1)
    @JsonPropertyDescription("The changes that are forwarded: added, modified, deleted (all unset). An object that is"
            + " there when the trigger starts watching is not added: changes after that are.")
    private List<ResourceChange> changes;

    @Size(min = 1, max = 16)
    @JsonPropertyDescription("For kind Event: the reasons forwarded (e.g. BackOff, FailedScheduling); unset: any.")
    private List<String> reasons;

    @JsonPropertyDescription("For kind Event: the object the Events are about; unset: any.")
    private WatchedObject involvedObject;

    /** The pairs of {@link #WATCHABLE}. */
    public static Set<String> watchable() {
        return Arrays.stream(WATCHABLE.split("\\|")).collect(Collectors.toUnmodifiableSet());
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public List<String> getNames() {
        return names;
    }

    public void setNames(List<String> names) {
        this.names = names;
    }

    public Map<String, String> getLabels() {
        return labels;
    }

    public void setLabels(Map<String, String> labels) {
        this.labels = labels;
    }

    public List<ResourceChange> getChanges() {
        return changes;
    }

    public void setChanges(List<ResourceChange> changes) {
        this.changes = changes;
    }

    public List<String> getReasons() {
        return reasons;
    }

    public void setReasons(List<String> reasons) {
        this.reasons = reasons;
    }

    public WatchedObject getInvolvedObject() {
        return involvedObject;
    }

    public void setInvolvedObject(WatchedObject involvedObject) {
        this.involvedObject = involvedObject;
    }
}
