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
 * @param type the wire name: {@value #WEBHOOK}, {@value #KUBERNETES_EVENT}, {@value #SCHEDULE} and {@value #MAIL} are
 *     built
 * @param source the trigger's path below {@code /webhook/} (a mail trigger's as {@link #mailSource} makes it); null or
 *     empty: see {@link #name(int)}
 */
public record DeclaredTrigger(
        String type, String source, Map<String, String> filter, String condition, Map<String, String> mapping) {

    public static final String WEBHOOK = "webhook";
    /** Changes of Kubernetes objects, which the operator watches and forwards to the agent's endpoint. */
    public static final String KUBERNETES_EVENT = "kubernetes-event";
    /** The times of a schedule, which the operator fires at the agent's endpoint. */
    public static final String SCHEDULE = "schedule";

    /** A message in a mailbox, which the email tool reading it posts to the agent's endpoint {@link #mailSource}. */
    public static final String MAIL = "mail";

    private static final Set<String> BUILT = Set.of(WEBHOOK, KUBERNETES_EVENT, SCHEDULE, MAIL);

    /** A mail trigger's path below {@code /webhook/}: its {@code source}, else {@code mail-<tool>}. */
    public static String mailSource(String source, String tool) {
        return source == null || source.isEmpty() ? "mail-" + tool : source;
    }

    /**
     * The name of the trigger's endpoint below {@code /webhook/} and of its secret: its {@code source}; unset, empty
     * for a webhook ({@code /webhook} itself) and {@code <type>-<index>} for a trigger the operator forwards.
     *
     * @param index the trigger's index in {@code spec.eventTriggers}
     */
    public String name(int index) {
        if (source != null && !source.isEmpty()) {
            return source;
        }
        return WEBHOOK.equals(type) ? "" : type + "-" + index;
    }

    /** The endpoint's path. */
    public String path(int index) {
        String name = name(index);
        return name.isEmpty() ? "/webhook" : "/webhook/" + name;
    }

    /**
     * What makes these triggers unusable, each naming {@code spec.eventTriggers[i]}: a type not built, two triggers at
     * one path, a filter, condition or mapping that does not compile (with CEL's message).
     */
    public static List<String> problems(List<DeclaredTrigger> triggers) {
        List<String> problems = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < triggers.size(); i++) {
            DeclaredTrigger trigger = triggers.get(i);
            String where = "spec.eventTriggers[" + i + "]";
            if (!BUILT.contains(trigger.type())) {
                problems.add(where + ": type " + trigger.type() + " is not supported yet");
                continue;
            }
            if (!paths.add(trigger.path(i))) {
                problems.add(where + ": another trigger serves " + trigger.path(i) + " already");
            }
            TriggerRule.problem(trigger.filter(), trigger.condition(), trigger.mapping())
                    .ifPresent(problem -> problems.add(where + "." + problem));
        }
        return problems;
    }
}
