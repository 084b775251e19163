package io.langop.operator.crd;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.langop.operator.LangopKinds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates or updates the langop.io CRDs from the YAML the CRD generator wrote into the Helm chart,
 * which the build packs into the operator jar under {@code crds/}. One definition of each CRD, so
 * what {@code --install-crds} installs is exactly what {@code helm install} would.
 */
public final class CrdInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(CrdInstaller.class);

    private final KubernetesClient client;

    public CrdInstaller(KubernetesClient client) {
        this.client = client;
    }

    /** The CRDs packed in the jar, one per langop kind. */
    public static List<CustomResourceDefinition> packagedDefinitions() {
        return LangopKinds.ALL.stream().map(CrdInstaller::packagedDefinition).toList();
    }

    static CustomResourceDefinition packagedDefinition(Class<? extends HasMetadata> kind) {
        String path = "crds/" + HasMetadata.getFullResourceName(kind) + "-v1.yml";
        try (InputStream yaml = CrdInstaller.class.getClassLoader().getResourceAsStream(path)) {
            if (yaml == null) {
                throw new IllegalStateException(
                        path + " is not on the classpath: build the operator after the CRDs were generated");
            }
            return Serialization.unmarshal(yaml, CustomResourceDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Creates missing CRDs and replaces existing ones with the packaged version. */
    public List<CustomResourceDefinition> install() {
        return packagedDefinitions().stream().map(this::createOrUpdate).toList();
    }

    private CustomResourceDefinition createOrUpdate(CustomResourceDefinition crd) {
        var resource = client.apiextensions().v1().customResourceDefinitions().resource(crd);
        CustomResourceDefinition applied = resource.createOr(NonDeletingOperation::update);
        LOG.info(
                "CRD {} installed (resourceVersion {})",
                crd.getMetadata().getName(),
                applied.getMetadata().getResourceVersion());
        return applied;
    }

    /** Waits until the API server serves every CRD, so the informers that follow find them. */
    public void awaitEstablished(List<CustomResourceDefinition> crds, Duration timeout) {
        for (CustomResourceDefinition crd : crds) {
            client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(crd.getMetadata().getName())
                    .waitUntilCondition(CrdInstaller::isEstablished, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    static boolean isEstablished(CustomResourceDefinition crd) {
        return crd != null
                && crd.getStatus() != null
                && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream()
                        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
