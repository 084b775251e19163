package io.langop.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A valid example object of each kind, for tests outside this module that break one on purpose. */
public final class ApiExamples {

    private static final Map<String, String> FILE_BY_KIND = Map.of(
            "LanguageCluster", "languagecluster/cluster.yaml",
            "LanguageModel", "languagemodel/self-hosted-with-fallback.yaml",
            "LanguageTool", "simple-agent/tools.yaml",
            "LanguagePersona", "languagepersona/support-agent.yaml",
            "LanguageAgent", "languageagent/bring-your-own-code.yaml",
            "LanguageClient", "languageclient/web-chat.yaml");

    private ApiExamples() {}

    /** A copy of the example, free to change. */
    public static JsonNode validObjectOf(String kind) {
        return Examples.named(FILE_BY_KIND.get(kind), kind).object().deepCopy();
    }
}
