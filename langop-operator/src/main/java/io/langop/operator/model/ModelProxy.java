package io.langop.operator.model;

import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.operator.kube.Labels;

/** Where the proxy of a LanguageModel answers: its Service, speaking the OpenAI API under /v1. */
public final class ModelProxy {

    public static final int PORT = 8080;

    private ModelProxy() {}

    /** Name of the proxy's ConfigMap, Deployment and Service. */
    public static String name(LanguageModel model) {
        return Labels.name(model, "model");
    }

    /** OpenAI base URL of the model inside the cluster. */
    public static String url(LanguageModel model) {
        return "http://" + name(model) + "." + model.getMetadata().getNamespace() + ".svc.cluster.local:" + PORT
                + "/v1";
    }
}
