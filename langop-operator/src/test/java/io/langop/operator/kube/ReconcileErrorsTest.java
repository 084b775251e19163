package io.langop.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.OperatorException;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconcileErrorsTest {

    @Test
    void namesEveryFailedDependentWithTheApiServersReasonAndNoStackTrace() {
        var refused = new KubernetesClientException(
                "Failure executing: POST at: https://10.0.0.1:6443/apis/apps/v1/namespaces/a/deployments.",
                403,
                new StatusBuilder()
                        .withCode(403)
                        .withReason("Forbidden")
                        .withMessage("denied by policy\nsecond line")
                        .build());
        var workflow = new AggregatedOperatorException(
                "Exception(s) during workflow execution.",
                Map.of("service", new IllegalStateException("no port"), "deployment", refused));

        var failure = ReconcileErrors.describe(new OperatorException(workflow));

        // dependents in name order: the reason is the first one's
        assertThat(failure.reason()).isEqualTo("Forbidden");
        assertThat(failure.message())
                .isEqualTo("deployment: API server answered 403: denied by policy;"
                        + " service: IllegalStateException: no port");
    }

    @Test
    void aRequestWithoutAnAnswerSaysSo() {
        var failure = ReconcileErrors.describe(
                new KubernetesClientException("An error has occurred.", new IOException("Connection refused")));

        assertThat(failure.reason()).isEqualTo(ReconcileErrors.API_REQUEST_FAILED);
        assertThat(failure.message()).isEqualTo("no answer from the API server: IOException: Connection refused");
    }

    @Test
    void anythingElseIsUnexpected() {
        var failure = ReconcileErrors.describe(new NullPointerException("spec.port"));

        assertThat(failure.reason()).isEqualTo(ReconcileErrors.UNEXPECTED);
        assertThat(failure.message()).isEqualTo("NullPointerException: spec.port");
    }
}
