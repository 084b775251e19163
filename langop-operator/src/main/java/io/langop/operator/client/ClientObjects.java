package io.langop.operator.client;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.langop.api.v1alpha1.client.LanguageClient;
import io.langop.api.v1alpha1.client.LanguageClientSpec;
import io.langop.operator.OperatorSettings;
import io.langop.operator.kube.Labels;
import java.util.Map;
import java.util.Objects;

/** Names and labels of what a LanguageClient runs: every object is {@code <client>-client}. */
final class ClientObjects {

    /** Informer filter: only objects this operator made for clients. */
    static final String SELECTOR = Labels.KIND + "=LanguageClient," + Labels.MANAGED_BY + "=" + Labels.OPERATOR;

    static final String ROLE = "client";
    static final String PORT_NAME = "http";
    static final int DEFAULT_PORT = 8080;
    /** The CRD's default; a client applied without it gets the same count here. */
    static final int DEFAULT_REPLICAS = 2;

    /** What a client runs when {@code spec.image} is empty: the chat console of langop-console. */
    static final String CONSOLE_IMAGE = OperatorSettings.CONSOLE_IMAGE;

    private ClientObjects() {}

    static boolean runsConsole(LanguageClientSpec spec) {
        return spec.getImage() == null || spec.getImage().isBlank();
    }

    static String image(LanguageClientSpec spec) {
        return runsConsole(spec) ? CONSOLE_IMAGE : spec.getImage();
    }

    static String name(LanguageClient client) {
        return Labels.name(client, ROLE);
    }

    static ResourceID id(LanguageClient client) {
        return new ResourceID(name(client), client.getMetadata().getNamespace());
    }

    static Map<String, String> labels(LanguageClient client) {
        return Labels.of(client, ROLE, client.getSpec().getClusterRef());
    }

    static int port(LanguageClient client) {
        return Objects.requireNonNullElse(client.getSpec().getPort(), DEFAULT_PORT);
    }

    /** Where the client answers inside the cluster. */
    static String serviceUrl(LanguageClient client) {
        return "http://" + name(client) + "." + client.getMetadata().getNamespace() + ".svc.cluster.local:"
                + port(client);
    }
}
