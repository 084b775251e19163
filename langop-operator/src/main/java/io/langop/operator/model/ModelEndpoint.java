package io.langop.operator.model;

import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.operator.kube.Labels;
import io.langop.wire.ServiceWire;

/**
 * Where a LanguageModel answers inside the cluster: the Service of its proxy, speaking the OpenAI
 * API under /v1.
 */
public final class ModelEndpoint {

    public static final int PORT = ServiceWire.DEFAULT_PORT;
    /** Where the OpenAI API starts on the proxy's port. */
    public static final String API_PATH = "/v1";

    private ModelEndpoint() {}

    /** Name of the proxy's ConfigMap, Deployment and Service. */
    public static String name(LanguageModel model) {
        return Labels.name(model, "model");
    }

    /** OpenAI base URL of the model inside the cluster. */
    public static String url(LanguageModel model) {
        return "http://" + name(model) + "." + model.getMetadata().getNamespace() + ".svc.cluster.local:" + PORT
                + API_PATH;
    }
}
