package io.langop.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The chart rendered by Helm itself (helm-java), as the objects {@code helm install} would create. */
final class ChartRendering {

    // resolves each document's kind to its fabric8 class
    private static final KubernetesSerialization MANIFESTS = new KubernetesSerialization();

    private static final ObjectMapper DASHBOARD_JSON = new ObjectMapper();

    static final Path CHART = Path.of(System.getProperty("langop.chart.dir"));

    private ChartRendering() {}

    /** {@code helm template langop --namespace langop-system} with {@code values} set as by {@code --set}. */
    static List<HasMetadata> render(Map<String, String> values) {
        var template = new Helm(CHART)
                .template()
                .withName("langop")
                .withNamespace("langop-system")
                .withKubeVersion("1.31.0") // native sidecars need 1.29; the chart says so in kubeVersion
                .skipCrds();
        values.forEach(template::set);
        String yaml = template.call();
        return Arrays.stream(yaml.split("(?m)^---\\s*$"))
                .filter(doc -> doc.lines().anyMatch(line -> line.startsWith("kind:")))
                .map(doc -> (HasMetadata) MANIFESTS.unmarshal(doc))
                .toList();
    }

    static <T extends HasMetadata> T only(List<HasMetadata> objects, Class<T> type) {
        List<T> matching = all(objects, type);
        assertThat(matching).as(type.getSimpleName()).hasSize(1);
        return matching.getFirst();
    }

    static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The Grafana dashboard of the rendered dashboard ConfigMap. */
    static JsonNode dashboard(List<HasMetadata> objects) {
        try {
            return DASHBOARD_JSON.readTree(
                    only(objects, ConfigMap.class).getData().get("langop.json"));
        } catch (JsonProcessingException invalid) {
            throw new AssertionError("the dashboard is not JSON", invalid);
        }
    }

    /** The queries of every panel of a dashboard. */
    static List<JsonNode> targets(JsonNode dashboard) {
        List<JsonNode> targets = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(targets::add));
        return targets;
    }

    /** The PrometheusRule among the rendered objects. */
    static GenericKubernetesResource prometheusRule(List<HasMetadata> objects) {
        return all(objects, GenericKubernetesResource.class).stream()
                .filter(resource -> resource.getKind().equals("PrometheusRule"))
                .findFirst()
                .orElseThrow();
    }

    /** The rule groups of a PrometheusRule's spec, as Prometheus reads them from a rule file's {@code groups}. */
    @SuppressWarnings("unchecked") // the rule's spec as YAML read it: maps and lists
    static List<Map<String, Object>> groups(GenericKubernetesResource rule) {
        Map<String, Object> spec =
                (Map<String, Object>) rule.getAdditionalProperties().get("spec");
        return (List<Map<String, Object>>) spec.get("groups");
    }

    /** Every rule of every group of a PrometheusRule. */
    @SuppressWarnings("unchecked") // as groups(rule)
    static List<Map<String, Object>> rules(GenericKubernetesResource rule) {
        return groups(rule).stream()
                .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream())
                .toList();
    }

    /** Every {@code group/resource:verb} the rules allow (the core group is the empty string). */
    static Set<String> access(List<PolicyRule> rules) {
        Set<String> access = new TreeSet<>();
        for (PolicyRule rule : rules) {
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    for (String verb : rule.getVerbs()) {
                        access.add(group + "/" + resource + ":" + verb);
                    }
                }
            }
        }
        return access;
    }
}
