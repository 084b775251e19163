package io.langop.operator.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.v1alpha1.ResourceStatus;
import io.langop.operator.kube.Conditions;
import io.langop.operator.kube.ReconcileErrors;
import java.time.Duration;

/**
 * Provokes a reconcile failure the way a cluster does, an admission webhook refusing a write, and
 * checks what the user sees of it: the {@link ReconcileErrors#CONDITION} condition with the refusal
 * (the credentials it echoes masked) and a Warning event while it lasts, nothing once the write goes
 * through.
 */
public final class ReconcileFailures {

    /** The webhook's answer, echoing a token and a password in a URL as careless webhooks do. */
    public static final String WEBHOOK_ANSWER = "admission webhook \"policy.example.com\" denied the request:"
            + " image not signed (token=tok-3c7f9e1d, details at https://ops:hunter2@policy.example.com/why)";

    // JOSDK retries a failed reconcile after 2 s, then backs off: the recovery comes with the first retry
    private static final Duration RETRY = Duration.ofSeconds(20);

    private ReconcileFailures() {}

    /** Refuses (403) every creation of {@code plural} in {@code namespace} until closed. */
    public static MockApiServer.Refusal refuseCreating(MockApiServer api, String namespace, String plural) {
        return api.refuse("POST", "/namespaces/" + namespace + "/" + plural, 403, "Forbidden", WEBHOOK_ANSWER);
    }

    /**
     * Waits for the failure to show in the status of the stored resource and returns the condition,
     * having checked that it names the refusal, leaks neither credential and was told in an event.
     */
    public static <R extends CustomResource<?, ? extends ResourceStatus>> Condition awaitRecorded(
            KubernetesClient client, Class<R> type, String namespace, String name) {
        Condition condition =
                await().atMost(RETRY).until(() -> reconcileError(client, type, namespace, name), c -> c != null);
        assertThat(condition.getStatus()).isEqualTo("True");
        assertThat(condition.getReason()).isEqualTo("Forbidden");
        assertThat(condition.getMessage())
                .contains("API server answered 403")
                .contains("admission webhook \"policy.example.com\" denied the request: image not signed")
                .contains("token=<redacted>", "https://<redacted>@policy.example.com/why")
                .doesNotContain("tok-3c7f9e1d")
                .doesNotContain("hunter2");
        await().atMost(RETRY)
                .untilAsserted(() -> assertThat(client.v1()
                                .events()
                                .inNamespace(namespace)
                                .list()
                                .getItems())
                        .filteredOn(
                                event -> name.equals(event.getInvolvedObject().getName())
                                        && ReconcileErrors.CONDITION.equals(event.getReason()))
                        .extracting(Event::getType, Event::getMessage)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("Warning", condition.getMessage())));
        return condition;
    }

    /** Waits until a reconcile succeeds again and the condition is gone. */
    public static <R extends CustomResource<?, ? extends ResourceStatus>> void awaitCleared(
            KubernetesClient client, Class<R> type, String namespace, String name) {
        await().atMost(RETRY).until(() -> reconcileError(client, type, namespace, name) == null);
    }

    private static <R extends CustomResource<?, ? extends ResourceStatus>> Condition reconcileError(
            KubernetesClient client, Class<R> type, String namespace, String name) {
        R stored = client.resources(type).inNamespace(namespace).withName(name).get();
        if (stored == null || stored.getStatus() == null) {
            return null;
        }
        return Conditions.find(stored.getStatus().getConditions(), ReconcileErrors.CONDITION)
                .orElse(null);
    }
}
