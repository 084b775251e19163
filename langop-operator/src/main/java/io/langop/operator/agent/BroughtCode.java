package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.langop.api.v1alpha1.agent.AgentPhase;
import io.langop.api.v1alpha1.agent.CodeReference;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.kit.check.AgentSetting;
import io.langop.kit.check.CheckResult;
import io.langop.kit.check.CodeChecker;
import io.langop.operator.agent.CodeDecision.CannotRun;
import io.langop.operator.kube.Conditions;
import io.langop.operator.synthesis.SynthesisFingerprint;
import io.langop.operator.synthesis.SynthesisService.AgentKey;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bring-your-own code ({@code spec.codeRef}) is not synthesized, but it must pass the same checks as
 * synthesized code before it runs, the semantic check against the agent's tools and resource included. The ConfigMap comes from the informer of referenced ConfigMaps (no
 * request per reconcile), and an edit of it reconciles the agent, whose new code hash rolls the workload.
 * Each agent's code is checked once per version and setting: the verdict is kept until the code or a
 * tool's catalog changes, or the agent is deleted.
 */
final class BroughtCode {

    /** The verdict on one version of the code, in one setting (a tool's catalog can change under it). */
    private record Checked(String hash, AgentSetting setting, List<String> errors) {}

    private final Map<AgentKey, Checked> checked = new ConcurrentHashMap<>();
    private CodeChecker checker;

    /** Sets {@code Validated} from the check of the code {@code ref} names. */
    CodeDecision check(
            SynthesisInputs inputs, CodeReference ref, Context<LanguageAgent> context, Conditions conditions) {
        LanguageAgent agent = inputs.agent();
        String key = Objects.requireNonNullElse(ref.getKey(), AgentPodTemplate.CODE_FILE);
        Optional<ConfigMap> configMap = CodeRefs.referenced(context);
        String source =
                configMap.map(ConfigMap::getData).map(data -> data.get(key)).orElse(null);
        if (source == null) {
            String missing = configMap.isEmpty()
                    ? missingConfigMap(ref.getName(), agent.getMetadata().getNamespace(), key)
                    : "ConfigMap " + ref.getName() + " has no key " + key + "; put the agent's code under that key,"
                            + " or set spec.codeRef.key to the key that holds it";
            conditions.set(CodeStatus.VALIDATED, false, "CodeNotFound", missing);
            // the pod would wait for its code volume forever: not Ready, until the informer sees the code arrive
            return CodeDecision.cannotRun(null, new CannotRun(AgentPhase.PENDING, "CodeNotFound", missing));
        }
        String hash = SynthesisFingerprint.sha256(source);
        AgentKey id = AgentKey.of(agent);
        AgentSetting setting = inputs.setting();
        Checked verdict = checked.get(id);
        if (verdict == null
                || !verdict.hash().equals(hash)
                || !verdict.setting().equals(setting)) {
            verdict = check(source, hash, setting);
            checked.put(id, verdict);
        }
        if (verdict.errors().isEmpty()) {
            conditions.set(
                    CodeStatus.VALIDATED,
                    true,
                    "Validated",
                    "spec.codeRef compiles against the SDK, passes the safety policy and fits the agent's tools");
            return CodeDecision.brought(hash);
        }
        String refused = ErrorLists.summary(verdict.errors(), "ConfigMap " + ref.getName());
        conditions.set(CodeStatus.VALIDATED, false, "ValidationFailed", refused);
        // the runtime refuses the same code: a pod would only fail
        return CodeDecision.cannotRun(hash, new CannotRun(AgentPhase.FAILED, "ValidationFailed", refused));
    }

    private static String missingConfigMap(String name, String namespace, String key) {
        String from = key.equals(AgentPodTemplate.CODE_FILE) ? key : key + "=" + AgentPodTemplate.CODE_FILE;
        return "ConfigMap " + name + " not found in namespace " + namespace + "; create it with the agent's code"
                + " under key " + key + ", e.g. kubectl -n " + namespace + " create configmap " + name
                + " --from-file=" + from;
    }

    void forget(AgentKey agent) {
        checked.remove(agent);
    }

    private Checked check(String source, String hash, AgentSetting setting) {
        CheckResult check = checker().check(source, setting);
        return new Checked(
                hash,
                setting,
                ErrorLists.bounded(check.diagnostics().stream()
                        .map(diagnostic -> diagnostic.format(AgentPodTemplate.CODE_FILE))
                        .toList()));
    }

    /**
     * The checker of brought code, loaded once and only when such code is to be checked. It is not the
     * background syntheses' checker: a checker compiles one source at a time, and a reconcile must not wait
     * behind twenty synthesized agents.
     */
    private synchronized CodeChecker checker() {
        if (checker == null) {
            checker = CodeChecker.forRuntimeClasspath();
        }
        return checker;
    }
}
