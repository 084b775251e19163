package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Reference to a LanguagePersona. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PersonaReference extends NamespacedReference {}
