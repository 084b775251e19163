package io.langop.operator.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;

/**
 * A time of a {@code schedule} trigger. The event's id is the time, so a time delivered twice (the operator restarted
 * before it noted the delivery) runs once.
 */
record ScheduledTime(String trigger, String schedule, Instant time) implements Forwarded {

    static final String TYPE = "io.langop.schedule";

    @Override
    public String key() {
        return trigger;
    }

    /** The latest time: an agent that was away runs once for the times it missed. */
    @Override
    public Forwarded merge(Forwarded newer) {
        return newer;
    }

    @Override
    public void delivered(DeliveredState state) {
        state.lastTime(trigger, schedule, time);
    }

    @Override
    public String id() {
        return time.toString();
    }

    @Override
    public String source(String namespace, String agent) {
        return "/apis/langop.io/v1alpha1/namespaces/" + namespace + "/languageagents/" + agent + "/triggers/" + trigger;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return trigger;
    }

    @Override
    public JsonNode data(boolean complete) {
        return JsonNodeFactory.instance
                .objectNode()
                .put("schedule", schedule)
                .put("time", time.toString())
                .put("trigger", trigger);
    }
}
