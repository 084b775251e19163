package io.langop.api.v1alpha1;

/** Coordinates of the langop.io API shared by every kind. */
public final class LangopApi {

    public static final String GROUP = "langop.io";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    /** {@code kubectl get langop} lists the objects of every kind. */
    public static final String CATEGORY = "langop";

    private LangopApi() {}
}
