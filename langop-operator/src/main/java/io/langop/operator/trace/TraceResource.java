package io.langop.operator.trace;

/** The resource attributes the operator gives the spans of the pods it runs. */
public final class TraceResource {

    public static final String NAMESPACE = "k8s.namespace.name";
    public static final String AGENT = "langop.agent";

    private TraceResource() {}
}
