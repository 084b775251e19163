package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * A reference by name to an object in the referencing object's namespace or in the one named. The
 * subclasses fix what kind of object it is and add what the referencing side says about it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class NamespacedReference {

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Name of the referenced object.")
    private String name;

    @JsonPropertyDescription("Namespace of the referenced object; defaults to the referencing object's namespace.")
    private String namespace;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }
}
