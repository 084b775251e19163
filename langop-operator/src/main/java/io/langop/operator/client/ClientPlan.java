package io.langop.operator.client;

import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.client.LanguageClient;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.persona.LanguagePersona;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.agent.AgentHttp;
import io.langop.operator.tool.ToolEndpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client's objects are built from, resolved once per reconcile and handed to the dependents
 * through the workflow context. Only what the client's pods can reach is wired: service-mode tools
 * (a sidecar lives inside its agent's pod) and agents that take requests (interactive, event-driven).
 */
record ClientPlan(
        LanguageClient client,
        List<LanguageModel> models,
        List<LanguageTool> tools,
        List<LanguageAgent> agents,
        LanguagePersona persona,
        List<String> notes) {

    static final String KEY = ClientPlan.class.getName();

    static ClientPlan of(LanguageClient client, ClientReferences.Resolution refs) {
        List<String> notes = new ArrayList<>();
        List<LanguageTool> tools = new ArrayList<>();
        for (LanguageTool tool : refs.tools()) {
            if (ToolEndpoint.isSidecar(tool)) {
                notes.add("tool " + tool.getMetadata().getName() + " runs as a sidecar of agents and is not offered");
            } else {
                tools.add(tool);
            }
        }
        List<LanguageAgent> agents = new ArrayList<>();
        for (LanguageAgent agent : refs.agents()) {
            if (AgentHttp.exposed(agent)) {
                agents.add(agent);
            } else {
                notes.add("agent " + agent.getMetadata().getName()
                        + " takes no requests (not interactive or event-driven)");
            }
        }
        var spec = client.getSpec();
        if (spec.getRegions() != null && !spec.getRegions().isEmpty()) {
            notes.add("spec.regions is not run by this operator version");
        }
        return new ClientPlan(
                client, refs.models(), List.copyOf(tools), List.copyOf(agents), refs.persona(), List.copyOf(notes));
    }

    String clusterRef() {
        String ref = client.getSpec().getClusterRef();
        return ref == null || ref.isBlank() ? null : ref;
    }
}
