package io.langop.local.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The strategic merge patches kubectl apply and edit send, applied as the API server applies them. */
class StrategicMergePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DEPLOYMENT = """
            {"apiVersion": "apps/v1", "kind": "Deployment",
             "metadata": {"name": "web", "labels": {"app": "web", "tier": "front"}, "finalizers": ["a"]},
             "spec": {"replicas": 1, "template": {"spec": {
               "containers": [
                 {"name": "tool", "image": "tool:1", "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}],
                  "ports": [{"containerPort": 8080, "name": "http"}]},
                 {"name": "sidecar", "image": "side:1"}],
               "volumes": [{"name": "config", "configMap": {"name": "web"}}]}}}}
            """;

    @Test
    void containersMergeByNameAndTheirEnvironmentByVariable() throws Exception {
        JsonNode patched = apply(DEPLOYMENT, """
                {"spec": {"template": {"spec": {
                  "$setElementOrder/containers": [{"name": "tool"}, {"name": "sidecar"}],
                  "containers": [{"name": "tool", "image": "tool:2",
                                  "$setElementOrder/env": [{"name": "A"}, {"name": "B"}, {"name": "C"}],
                                  "env": [{"name": "A", "value": "one"}, {"name": "C", "value": "3"}]}]}}}}
                """);

        JsonNode containers = patched.at("/spec/template/spec/containers");
        assertThat(containers).hasSize(2);
        assertThat(containers.get(0).path("image").asText()).isEqualTo("tool:2");
        assertThat(containers.get(0).path("env").toString())
                .isEqualTo(
                        "[{\"name\":\"A\",\"value\":\"one\"},{\"name\":\"B\",\"value\":\"2\"},{\"name\":\"C\",\"value\":\"3\"}]");
        assertThat(containers.get(0).at("/ports/0/name").asText())
                .as("untouched fields stay")
                .isEqualTo("http");
        assertThat(containers.get(1).path("image").asText()).isEqualTo("side:1");
    }

    @Test
    void nullDeletesAFieldAndPatchDeleteRemovesAnElement() throws Exception {
        JsonNode patched = apply(DEPLOYMENT, """
                {"metadata": {"labels": {"tier": null}},
                 "spec": {"template": {"spec": {"containers": [{"name": "sidecar", "$patch": "delete"}]}}}}
                """);

        assertThat(patched.at("/metadata/labels").toString()).isEqualTo("{\"app\":\"web\"}");
        assertThat(patched.at("/spec/template/spec/containers")).hasSize(1);
        assertThat(patched.at("/spec/template/spec/containers/0/name").asText()).isEqualTo("tool");
    }

    @Test
    void listsWithoutAMergeKeyAreReplacedAndFinalizersMerged() throws Exception {
        JsonNode patched = apply("""
                {"metadata": {"finalizers": ["a"]},
                 "spec": {"args": ["--one", "--two"], "ports": [{"port": 80}, {"port": 443}]}}
                """, """
                {"metadata": {"finalizers": ["b"]}, "spec": {"args": ["--three"], "ports": [{"port": 443, "name": "https"}]}}
                """);

        assertThat(patched.at("/metadata/finalizers").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(patched.at("/spec/args").toString()).isEqualTo("[\"--three\"]");
        assertThat(patched.at("/spec/ports"))
                .as("a Service's ports merge by port")
                .hasSize(2);
        assertThat(patched.at("/spec/ports/1/name").asText()).isEqualTo("https");
    }

    @Test
    void retainKeysClearsWhatTheNewValueNoLongerHas() throws Exception {
        JsonNode patched = apply(
                "{\"spec\": {\"strategy\": {\"type\": \"RollingUpdate\", \"rollingUpdate\": {\"maxSurge\": 1}}}}",
                "{\"spec\": {\"strategy\": {\"$retainKeys\": [\"type\"], \"type\": \"Recreate\"}}}");

        assertThat(patched.at("/spec/strategy").toString()).isEqualTo("{\"type\":\"Recreate\"}");
    }

    @Test
    void aConfigMapsDataMergesKeyByKey() throws Exception {
        JsonNode patched = apply(
                "{\"data\": {\"a\": \"1\", \"b\": \"2\"}}", "{\"data\": {\"a\": \"one\", \"b\": null, \"c\": \"3\"}}");

        assertThat(patched.path("data").toString()).isEqualTo("{\"a\":\"one\",\"c\":\"3\"}");
    }

    private static JsonNode apply(String original, String patch) throws Exception {
        JsonNode before = JSON.readTree(original);
        JsonNode after = StrategicMergePatch.apply(before, JSON.readTree(patch));
        assertThat(before).as("the original is not changed").isEqualTo(JSON.readTree(original));
        return after;
    }
}
