package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * A credential stored under one key of a Secret in the same namespace (pods cannot mount Secrets of
 * other namespaces).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretKeyReference {

    /** The key when none is given. */
    public static final String DEFAULT_KEY = "api-key";

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Name of the Secret, in the namespace of the referencing object.")
    private String name;

    @Default(DEFAULT_KEY)
    @JsonPropertyDescription("Key inside the Secret.")
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
