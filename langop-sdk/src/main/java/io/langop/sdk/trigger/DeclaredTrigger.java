package io.langop.sdk.trigger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trigger as a LanguageAgent declares it ({@code spec.eventTriggers[i]}), for the checks the API server's schema
 * cannot make: the operator runs them on every reconcile and {@code langop validate} on a manifest, with the same
 * messages.
 *
 * @param type the wire name: {@value #WEBHOOK} is built, the others are not yet
 * @param source a webhook's path below {@code /webhook/}; null or empty: {@code /webhook}
 */
public record DeclaredTrigger(
        String type, String source, Map<String, String> filter, String condition, Map<String, String> mapping) {

    public static final String WEBHOOK = "webhook";

    /** The endpoint's path. */
    public String path() {
        return source == null || source.isEmpty() ? "/webhook" : "/webhook/" + source;
    }

    /**
     * What makes these triggers unusable, each naming {@code spec.eventTriggers[i]}: a type not built, two webhooks at
     * one path, a filter, condition or mapping that does not compile (with CEL's message).
     */
    public static List<String> problems(List<DeclaredTrigger> triggers) {
        List<String> problems = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < triggers.size(); i++) {
            DeclaredTrigger trigger = triggers.get(i);
            String where = "spec.eventTriggers[" + i + "]";
            if (!WEBHOOK.equals(trigger.type())) {
                problems.add(where + ": type " + trigger.type() + " is not supported yet");
                continue;
            }
            if (!paths.add(trigger.path())) {
                problems.add(where + ": another trigger serves " + trigger.path() + " already");
            }
            TriggerRule.problem(trigger.filter(), trigger.condition(), trigger.mapping())
                    .ifPresent(problem -> problems.add(where + "." + problem));
        }
        return problems;
    }
}
