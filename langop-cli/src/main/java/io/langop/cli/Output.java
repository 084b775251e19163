package io.langop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;

/** The machine-readable forms of {@code -o}: objects as the API server has them, in YAML or indented JSON. */
final class Output {

    /** What {@code -o} takes; commands that have a text form show it when {@code -o} is not given. */
    enum Format {
        YAML,
        JSON
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private Output() {}

    /** {@code object} (one, or a list) in {@code format}, ending with a line break. */
    static String render(KubernetesClient client, Format format, Object object) {
        var serialization = client.getKubernetesSerialization();
        return switch (format) {
            case YAML -> serialization.asYaml(object);
            case JSON -> {
                try {
                    JsonNode tree = JSON.readTree(serialization.asJson(object));
                    yield JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + System.lineSeparator();
                } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
                    throw new IllegalStateException("fabric8 wrote JSON Jackson cannot read", impossible);
                }
            }
        };
    }

    /** An enum as the API writes it ({@code ExecutionMode.EVENT_DRIVEN} is {@code event-driven}). */
    static String enumValue(Enum<?> value) {
        return JSON.convertValue(value, String.class);
    }
}
