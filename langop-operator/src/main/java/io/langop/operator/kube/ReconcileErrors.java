package io.langop.operator.kube;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.langop.api.v1alpha1.ResourceStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JOSDK's error status handler for every langop.io kind. An exception that escapes a reconcile (the
 * API server or an admission webhook refusing a write, a dependent that cannot be created, a bug) is
 * retried by the framework with backoff; without this it would leave only a log line in the
 * operator's pod. Here it also becomes the condition {@value #CONDITION}{@code =True} on the
 * resource: its reason says what failed (the API server's reason, e.g. {@code Forbidden}, or {@code
 * UnexpectedError}), its message which object and why, credentials masked. A Warning event tells the
 * same when the failure starts or changes.
 *
 * <p>The condition stays until a reconcile succeeds: the normal path rebuilds the conditions and
 * leaves it out. The rest of the status keeps what the last successful reconcile found (a refused
 * update of a PodDisruptionBudget does not stop a running Deployment), and {@code
 * status.observedGeneration} is not advanced: the failed generation was not observed to the end.
 */
public final class ReconcileErrors {

    public static final String CONDITION = "ReconcileError";
    static final String UNEXPECTED = "UnexpectedError";
    static final String API_REQUEST_FAILED = "ApiRequestFailed";
    static final int MAX_MESSAGE = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileErrors.class);

    /** What failed: a CamelCase reason and a message for people. */
    record Failure(String reason, String message) {}

    private ReconcileErrors() {}

    /** Records {@code error} in the status of {@code resource}; the framework then retries as usual. */
    public static <S extends ResourceStatus, R extends CustomResource<?, S>> ErrorStatusUpdateControl<R> record(
            R resource, Context<R> context, Exception error, Class<S> statusType, Supplier<S> emptyStatus) {
        return record(resource, context, error, statusType, emptyStatus, UnaryOperator.identity());
    }

    /**
     * {@link #record(CustomResource, Context, Exception, Class, Supplier)}, first masking the secrets
     * only the reconciler knows (e.g. the synthesis API key) with {@code maskKnownSecrets}.
     */
    public static <S extends ResourceStatus, R extends CustomResource<?, S>> ErrorStatusUpdateControl<R> record(
            R resource,
            Context<R> context,
            Exception error,
            Class<S> statusType,
            Supplier<S> emptyStatus,
            UnaryOperator<String> maskKnownSecrets) {
        Failure failure = describe(error);
        String message = truncate(Redaction.mask(maskKnownSecrets.apply(failure.message())));
        S status = Workloads.copy(resource.getStatus(), statusType, emptyStatus);
        List<Condition> before = status.getConditions();
        status.setConditions(new Conditions(before, resource.getMetadata().getGeneration())
                .keepPrevious()
                .set(CONDITION, true, failure.reason(), message)
                .build());
        try {
            StatusUpdates.writeIfChanged(resource, status, context);
            boolean sameFailure = Conditions.find(before, CONDITION)
                    .filter(stored -> failure.reason().equals(stored.getReason()))
                    .isPresent();
            if (!sameFailure) {
                Events.post(context.getClient(), resource, Events.Type.Warning, CONDITION, message);
            }
        } catch (RuntimeException writeFailed) {
            // the API server may be what failed: the retry tries again, the log keeps both
            LOG.warn(
                    "Could not record the reconcile error of {} in its status ({}): {}",
                    ResourceID.fromResource(resource),
                    message,
                    Redaction.mask(describe(writeFailed).message()));
        }
        return ErrorStatusUpdateControl.noStatusUpdate();
    }

    /** The reason and message of {@code error}, without stack traces or the API server's address. */
    static Failure describe(Throwable error) {
        Optional<AggregatedOperatorException> workflow = cause(error, AggregatedOperatorException.class)
                .filter(aggregated -> !aggregated.getAggregatedExceptions().isEmpty());
        if (workflow.isPresent()) {
            // a managed workflow's failures, by dependent: its getMessage() carries their stack traces
            Map<String, Failure> byDependent = new TreeMap<>();
            workflow.get().getAggregatedExceptions().forEach((name, cause) -> byDependent.put(name, describe(cause)));
            String message = byDependent.entrySet().stream()
                    .map(entry -> entry.getKey() + ": " + entry.getValue().message())
                    .collect(Collectors.joining("; "));
            return new Failure(byDependent.values().iterator().next().reason(), message);
        }
        Optional<KubernetesClientException> apiFailure = cause(error, KubernetesClientException.class);
        if (apiFailure.isPresent()) {
            return describeApiFailure(apiFailure.get());
        }
        return new Failure(UNEXPECTED, error.getClass().getSimpleName() + ": " + firstLine(error.getMessage()));
    }

    private static Failure describeApiFailure(KubernetesClientException error) {
        var status = error.getStatus();
        String object = error.getResourcePlural() == null
                ? ""
                : " for " + error.getResourcePlural() + (error.getName() == null ? "" : " " + error.getName());
        if (error.getCode() <= 0 || status == null) {
            // no answer: refused connection, timeout, broken watch
            return new Failure(
                    API_REQUEST_FAILED, "no answer from the API server" + object + ": " + rootMessage(error));
        }
        String reason =
                status.getReason() == null || status.getReason().isBlank() ? API_REQUEST_FAILED : status.getReason();
        String detail = firstLine(Objects.requireNonNullElse(status.getMessage(), ""));
        return new Failure(reason, "API server answered " + error.getCode() + object + ": " + detail);
    }

    /** The first {@code type} in the cause chain of {@code error}: the framework and dependents wrap. */
    private static <T extends Throwable> Optional<T> cause(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return firstLine(
                root == error
                        ? String.valueOf(error.getMessage())
                        : root.getClass().getSimpleName() + ": " + root.getMessage());
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    private static String truncate(String text) {
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text;
    }
}
