package io.langop.operator.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * JSON as fabric8 reads and writes Kubernetes objects (its modules and settings), for code that has no
 * client at hand. fabric8 7 deprecated the static {@code Serialization.jsonMapper()} in favour of a
 * {@link KubernetesSerialization} per client; this is the operator's one mapper outside its clients.
 */
public final class KubeJson {

    private static final ObjectMapper MAPPER = configured(new ObjectMapper());

    private KubeJson() {}

    /** The shared mapper: thread-safe to use, never to reconfigure. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code mapper} with fabric8's modules and settings, the way a client's serialization has them. */
    static ObjectMapper configured(ObjectMapper mapper) {
        new KubernetesSerialization(mapper, false); // registers them on the mapper it is given
        return mapper;
    }
}
