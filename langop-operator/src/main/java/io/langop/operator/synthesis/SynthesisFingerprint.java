package io.langop.operator.synthesis;

import io.langop.wire.Sha256;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a synthesized agent was written from, as one hash per input. The code ConfigMap carries these
 * as annotations; the agent is synthesized again only when one of them changes, so an unchanged spec
 * costs no LLM call at all.
 *
 * <p>Every input is taken from the resources, never from an LLM answer: a distilled persona or a live
 * {@code tools/list} can differ from one call to the next, and hashing them would re-synthesize agents
 * whose spec did not change (after every operator restart, say).
 *
 * @param instructions the agent's natural-language instructions
 * @param mode how the agent's resource runs it: its execution mode and schedule (the code must agree with them)
 * @param tools one canonical line per tool the agent may use (its name and LanguageTool spec), any order
 * @param models names of the models the agent may use, any order
 * @param persona canonical form of the persona's spec, empty when the agent has none
 * @param templateVersion version of the prompt template the code was asked with
 */
public record SynthesisFingerprint(
        String instructions,
        String mode,
        List<String> tools,
        List<String> models,
        String persona,
        String templateVersion) {

    public static final String INSTRUCTIONS_HASH = "langop.io/instructions-hash";
    public static final String MODE_HASH = "langop.io/mode-hash";
    public static final String TOOLS_HASH = "langop.io/tools-hash";
    public static final String MODELS_HASH = "langop.io/models-hash";
    public static final String PERSONA_HASH = "langop.io/persona-hash";
    public static final String TEMPLATE_VERSION = "langop.io/prompt-template-version";

    public SynthesisFingerprint {
        instructions = Objects.requireNonNullElse(instructions, "");
        mode = Objects.requireNonNullElse(mode, "");
        tools = List.copyOf(tools).stream().sorted().toList();
        models = List.copyOf(models).stream().sorted().toList();
        persona = Objects.requireNonNullElse(persona, "");
        Objects.requireNonNull(templateVersion, "templateVersion");
    }

    /** The annotations that record this fingerprint on the code ConfigMap. */
    public Map<String, String> annotations() {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(INSTRUCTIONS_HASH, sha256(instructions));
        annotations.put(MODE_HASH, sha256(mode));
        annotations.put(TOOLS_HASH, sha256(String.join("\n", tools)));
        annotations.put(MODELS_HASH, sha256(String.join("\n", models)));
        annotations.put(PERSONA_HASH, sha256(persona));
        annotations.put(TEMPLATE_VERSION, templateVersion);
        return annotations;
    }

    /** True when code recorded with {@code recorded} annotations was written from these very inputs. */
    public boolean matches(Map<String, String> recorded) {
        if (recorded == null) {
            return false;
        }
        return annotations().entrySet().stream()
                .allMatch(entry -> entry.getValue().equals(recorded.get(entry.getKey())));
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256(String text) {
        return Sha256.hex(text);
    }
}
