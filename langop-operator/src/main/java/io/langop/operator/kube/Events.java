package io.langop.operator.kube;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts core/v1 Events about the operator's resources, the history {@code kubectl describe} shows
 * while conditions only say the present. Callers decide when (on a transition computed from the
 * stored status, see {@link ConditionEvents}), so an idle reconcile posts nothing. Messages are built
 * from specs and statuses, never from secrets.
 *
 * <p>An event identical to one posted for the same object in the last {@link #REPEAT_WINDOW} is not
 * posted again (client-go's event correlator does the same by counting): a reconcile that runs on a
 * cache not yet showing the status the previous one wrote would otherwise tell the same transition
 * twice.
 */
public final class Events {

    /** The two event types Kubernetes knows. */
    public enum Type {
        Normal,
        Warning
    }

    private static final Logger LOG = LoggerFactory.getLogger(Events.class);
    private static final int MAX_MESSAGE = 1024;
    static final Duration REPEAT_WINDOW = Duration.ofMinutes(10);
    private static final int REMEMBERED = 4096;
    // object uid + type + reason + message -> when posted; the oldest entries go first
    private static final Map<String, Instant> RECENT = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED;
        }
    };

    private Events() {}

    public static void post(KubernetesClient client, HasMetadata about, Type type, String reason, String message) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String namespace = about.getMetadata().getNamespace();
        String text = message == null ? "" : message;
        if (toldRecently(about.getMetadata().getUid() + "|" + type + "|" + reason + "|" + text)) {
            return;
        }
        try {
            client.v1()
                    .events()
                    .inNamespace(namespace)
                    .resource(new EventBuilder()
                            .withNewMetadata()
                            .withName(about.getMetadata().getName() + "."
                                    + UUID.randomUUID().toString().substring(0, 8))
                            .withNamespace(namespace)
                            .endMetadata()
                            .withInvolvedObject(new ObjectReferenceBuilder()
                                    .withApiVersion(about.getApiVersion())
                                    .withKind(about.getKind())
                                    .withName(about.getMetadata().getName())
                                    .withNamespace(namespace)
                                    .withUid(about.getMetadata().getUid())
                                    .build())
                            .withType(type.name())
                            .withReason(reason)
                            .withMessage(text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text)
                            .withFirstTimestamp(now)
                            .withLastTimestamp(now)
                            .withCount(1)
                            .withNewSource()
                            .withComponent(Labels.OPERATOR)
                            .endSource()
                            .build())
                    .create();
        } catch (KubernetesClientException e) {
            // an event is a courtesy: the status already says the same, so a refused event changes nothing
            LOG.warn(
                    "could not post event {} for {} {}/{}: {}",
                    reason,
                    about.getKind(),
                    namespace,
                    about.getMetadata().getName(),
                    e.getMessage());
        }
    }

    private static boolean toldRecently(String event) {
        Instant now = Instant.now();
        synchronized (RECENT) {
            Instant told = RECENT.get(event);
            if (told != null && told.plus(REPEAT_WINDOW).isAfter(now)) {
                return true;
            }
            RECENT.remove(event);
            RECENT.put(event, now);
            return false;
        }
    }
}
