package io.langop.operator.egress;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.operator.kube.Events;
import java.util.List;

/**
 * A Warning event when an egress rule allows less than it says (a name that does not resolve, a
 * wildcard, a rule left without destinations). The notes also end the status message, so a note the
 * stored message already carries was told before: an idle reconcile, or a DNS refresh with the same
 * answer, posts nothing.
 */
public final class EgressEvents {

    private EgressEvents() {}

    public static void post(
            KubernetesClient client, HasMetadata owner, String storedMessage, EgressRules.Resolved egress) {
        List<String> news = egress.notes().stream()
                .filter(note -> storedMessage == null || !storedMessage.contains(note))
                .toList();
        if (!news.isEmpty()) {
            Events.post(client, owner, Events.Type.Warning, "EgressRestricted", String.join("; ", news));
        }
    }
}
