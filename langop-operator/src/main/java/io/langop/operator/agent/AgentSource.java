package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.langop.operator.synthesis.SynthesisFingerprint;
import java.util.Map;
import java.util.Optional;

/**
 * A version of an agent's {@code Agent.java} with the fingerprint annotations of the inputs it was
 * written from, as the code ConfigMap holds it.
 */
record AgentSource(String source, Map<String, String> annotations) {

  AgentSource {
    annotations = Map.copyOf(annotations);
  }

  /** The code a ConfigMap holds, with its annotations, if it holds any. */
  static Optional<AgentSource> of(ConfigMap configMap) {
    String source = configMap.getData() == null ? null : configMap.getData().get(AgentPodTemplate.CODE_FILE);
    if (source == null) {
      return Optional.empty();
    }
    Map<String, String> annotations = configMap.getMetadata().getAnnotations();
    return Optional.of(new AgentSource(source, annotations == null ? Map.of() : annotations));
  }

  /** What the pod annotation {@code langop.io/code-hash} carries, so new code rolls out. */
  String hash() {
    return SynthesisFingerprint.sha256(source);
  }
}
