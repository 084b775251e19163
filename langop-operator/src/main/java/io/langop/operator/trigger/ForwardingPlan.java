package io.langop.operator.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.langop.api.v1alpha1.agent.EventTrigger;
import io.langop.api.v1alpha1.agent.EventTriggerType;
import io.langop.operator.synthesis.SynthesisFingerprint;
import java.util.List;
import java.util.Map;

/**
 * What the operator forwards to one agent: its namespace, name and owner reference (for the state ConfigMap) and its
 * forwarded triggers, each with its generated secret. Two plans with the same {@link #fingerprint} forward the same.
 */
record ForwardingPlan(
        String namespace, String agent, OwnerReference owner, Map<String, String> labels, List<Source> sources) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One forwarded trigger.
     *
     * @param trigger its name ({@code /webhook/<name>}, its secret's key)
     * @param spec its {@code spec.eventTriggers} entry
     * @param secret its generated secret, which signs what is forwarded
     */
    record Source(String trigger, EventTrigger spec, String secret) {

        boolean schedule() {
            return spec.getType() == EventTriggerType.SCHEDULE;
        }

        /** The trigger's type as the spec names it: {@code kubernetes-event}, {@code schedule}. */
        String type() {
            return JSON.convertValue(spec.getType(), String.class);
        }

        /** What the trigger watches or when it fires, as text: a change of it starts the trigger's state afresh. */
        String specText() {
            if (schedule()) {
                return spec.getSchedule();
            }
            try {
                return JSON.writeValueAsString(spec.getKubernetes());
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    ForwardingPlan {
        sources = List.copyOf(sources);
        labels = Map.copyOf(labels);
    }

    /** Changes with the agent's incarnation, a trigger's name, spec or secret. */
    String fingerprint() {
        StringBuilder text = new StringBuilder(namespace + "/" + agent + "/" + owner.getUid());
        for (Source source : sources) {
            text.append('\n')
                    .append(source.trigger())
                    .append(' ')
                    .append(source.specText())
                    .append(' ');
            text.append(SynthesisFingerprint.sha256(source.secret()));
        }
        return text.toString();
    }
}
