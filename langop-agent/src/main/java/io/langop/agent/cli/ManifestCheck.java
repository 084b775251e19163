package io.langop.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.langop.sdk.trigger.DeclaredTrigger;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the operator would refuse in the LanguageAgents of a manifest before it runs them, and the API server's schema
 * cannot see: {@code spec.eventTriggers} whose filter, CEL condition or mapping does not compile, two webhooks at one
 * path, trigger types not built yet ({@link DeclaredTrigger#problems}, the operator's own check).
 */
final class ManifestCheck {

    private static final YAMLMapper YAML = new YAMLMapper();

    /** One LanguageAgent of the manifest and what is wrong with it. */
    record Agent(String name, int triggers, List<String> problems) {}

    private ManifestCheck() {}

    static boolean isManifest(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** The LanguageAgents of every document in the file, in order. */
    static List<Agent> check(Path file) throws IOException {
        List<Agent> agents = new ArrayList<>();
        try (MappingIterator<JsonNode> documents =
                YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null
                        && "LanguageAgent".equals(document.path("kind").asText())) {
                    List<DeclaredTrigger> triggers = new ArrayList<>();
                    document.path("spec").path("eventTriggers").forEach(trigger -> triggers.add(declared(trigger)));
                    agents.add(new Agent(
                            document.path("metadata").path("name").asText("(unnamed)"),
                            triggers.size(),
                            DeclaredTrigger.problems(triggers)));
                }
            }
        }
        return agents;
    }

    private static DeclaredTrigger declared(JsonNode trigger) {
        String type = trigger.path("type").asText();
        String source = trigger.path("source").textValue();
        return new DeclaredTrigger(
                type,
                DeclaredTrigger.MAIL.equals(type)
                        ? DeclaredTrigger.mailSource(
                                source, trigger.path("mail").path("tool").asText())
                        : source,
                texts(trigger.path("filter")),
                trigger.path("condition").textValue(),
                texts(trigger.path("mapping")));
    }

    private static Map<String, String> texts(JsonNode object) {
        Map<String, String> texts = new LinkedHashMap<>();
        object.properties()
                .forEach(entry -> texts.put(entry.getKey(), entry.getValue().asText()));
        return texts;
    }
}
