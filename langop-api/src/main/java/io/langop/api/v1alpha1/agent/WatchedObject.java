package io.langop.api.v1alpha1.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** The object a core Event is about ({@code involvedObject}), to forward only the Events of that object. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WatchedObject {

    @Size(max = 63)
    @JsonPropertyDescription("Its kind, e.g. Deployment; unset: any kind.")
    private String kind;

    @Size(max = 253)
    @JsonPropertyDescription("Its name; unset: any name.")
    private String name;

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
