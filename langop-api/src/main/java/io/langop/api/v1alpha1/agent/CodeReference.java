package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.langop.wire.AgentFiles;

/** Bring-your-own agent code: a ConfigMap key holding Agent.java; no synthesis happens. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CodeReference {

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Name of the ConfigMap (same namespace) holding the agent source.")
    private String name;

    @Default(AgentFiles.CODE_FILE)
    @JsonPropertyDescription("Key of the source inside the ConfigMap.")
    private String key;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
