package io.langop.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A Kubernetes Service as a network peer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceReference extends NamespacedReference {}
