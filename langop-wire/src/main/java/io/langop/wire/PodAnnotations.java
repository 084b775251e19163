package io.langop.wire;

/** Annotations the operator puts on the pods it makes and other components read. */
public final class PodAnnotations {

    /**
     * SHA-256 of the code an agent pod runs. An agent waiting for its first synthesis has pods without it: {@code
     * langop local} starts a scheduled agent's first run only once it is there.
     */
    public static final String CODE_HASH = "langop.io/code-hash";

    private PodAnnotations() {}
}
