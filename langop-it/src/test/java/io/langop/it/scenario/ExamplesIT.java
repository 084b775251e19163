package io.langop.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.langop.api.v1alpha1.LangopApi;
import io.langop.it.harness.LocalClusterExtension;
import io.langop.local.Manifests;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every manifest under examples/, applied the way {@code langop local} applies a directory, with the
 * Secrets and ConfigMaps their comments ask for, reaches the state it can reach without a cluster:
 * clusters and personas ready, models served by running proxies, the langop tool servers running,
 * the agent with its own code scheduled. What cannot run here is named: the agent whose
 * instructions need a synthesis LLM (none is configured), and the pods of images that are no langop
 * module (the filesystem MCP sidecar of support-bot, the chat UI of the LanguageClient).
 */
class ExamplesIT {

    private static final Path EXAMPLES = Path.of(System.getProperty("langop.examples.dir", "../examples"));

    @RegisterExtension
    static final LocalClusterExtension cluster = new LocalClusterExtension();

    @Test
    void everyExampleReachesTheStateItCanReachWithoutACluster() throws Exception {
        try (ScriptedOpenAiServer llm = new ScriptedOpenAiServer()) {
            llm.otherwise(new ScriptedOpenAiServer.Text("A haiku.", 3, 3));
            // the local-agent example's Ollama is the scripted LLM here
            List<HasMetadata> objects = Manifests.read(copyWithEndpoint(EXAMPLES, llm.baseUrl()));
            for (String namespace : List.of("research", "support", "playground")) {
                cluster.createNamespace(namespace);
            }
            // what the examples' comments ask you to create
            secret("research", "openai-credentials", Map.of("api-key", "sk-example"));
            secret("research", "smtp-credentials", Map.of("username", "digest", "password", "example"));
            secret("support", "openai-credentials", Map.of("api-key", "sk-example"));
            secret(
                    "support",
                    "redis-credentials",
                    Map.of("url", "redis://redis.support.svc:6379", "password", "example"));
            secret("support", "sso-client", Map.of("client-secret", "example"));
            cluster.createAgentCode("support", "support-bot-code", "agents/ConciergeAgent.java");
            cluster.cluster().apply(objects);

            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("LanguageCluster research/research", "Ready");
            expected.put("LanguageModel research/gpt-4o-mini", "Ready");
            expected.put("LanguageTool research/web", "Running");
            expected.put("LanguageTool research/email", "Running");
            expected.put("LanguagePersona research/research-analyst", "Ready");
            expected.put("LanguageCluster support/support", "Ready");
            expected.put("LanguageModel support/llama-local", "Ready");
            expected.put("LanguageModel support/gpt-4o-mini", "Ready");
            expected.put("LanguageTool support/web-search", "Running");
            expected.put("LanguageTool support/workspace-files", "Running");
            expected.put("LanguagePersona support/support-agent", "Ready");
            expected.put("LanguageModel playground/local-llm", "Ready");
            expected.put("LanguageAgent playground/haiku", "Running");
            try {
                await("examples in their expected phase")
                        .atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> expected.entrySet().stream()
                                .allMatch(entry -> entry.getValue().equals(phase(entry.getKey()))));
                // no synthesis LLM: the agent made of instructions says so and waits
                await("simple-agent waits for synthesis")
                        .atMost(Duration.ofMinutes(1))
                        .until(() -> "SynthesisDisabled"
                                .equals(conditionReason("LanguageAgent research/kubernetes-digest", "Synthesized")));
                // its own code, checked; its pods cannot run here: the workspace-files sidecar is no langop image
                await("support-bot's code checked")
                        .atMost(Duration.ofMinutes(1))
                        .until(() -> "True".equals(conditionStatus("LanguageAgent support/support-bot", "Validated")));
                await("support-bot's pods refused")
                        .atMost(Duration.ofMinutes(1))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> podLogsMention("support", "support-bot-agent", "not a langop module"));
                assertThat(phase("LanguageAgent support/support-bot")).isNotEqualTo("Running");
                // the chat UI is an image of your own, not a langop module: its pods cannot run here either
                await("support-chat's pods refused")
                        .atMost(Duration.ofMinutes(1))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> podLogsMention("support", "support-chat-client", "not a langop module"));
                assertThat(phase("LanguageClient support/support-chat")).isEqualTo("Pending");
                Deployment webSearch = cluster.client()
                        .apps()
                        .deployments()
                        .inNamespace("support")
                        .withName("web-search-tool")
                        .get();
                assertThat(webSearch.getStatus().getReadyReplicas())
                        .as("both replicas of the shared web tool run")
                        .isEqualTo(2);
            } finally {
                System.out.println(states(objects));
            }
        }
    }

    private static void secret(String namespace, String name, Map<String, String> data) {
        cluster.client()
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(namespace)
                        .endMetadata()
                        .withStringData(data)
                        .build())
                .create();
    }

    /** The examples as shipped, the local Ollama replaced by {@code endpoint}. */
    private static Path copyWithEndpoint(Path examples, String endpoint) throws Exception {
        Path copy = Files.createTempDirectory("examples-");
        try (Stream<Path> files = Files.walk(examples)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(examples.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.writeString(target, Files.readString(file).replace("http://localhost:11434/v1", endpoint));
            }
        }
        return copy;
    }

    private static GenericKubernetesResource object(String kindAndName) {
        String[] parts = kindAndName.split("[ /]", -1);
        return cluster.client()
                .genericKubernetesResources(LangopApi.API_VERSION, parts[0])
                .inNamespace(parts[1])
                .withName(parts[2])
                .get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> status(String kindAndName) {
        GenericKubernetesResource object = object(kindAndName);
        return object == null
                ? Map.of()
                : (Map<String, Object>) object.getAdditionalProperties().getOrDefault("status", Map.of());
    }

    private static String phase(String kindAndName) {
        return (String) status(kindAndName).get("phase");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> condition(String kindAndName, String type) {
        return ((List<Map<String, Object>>) status(kindAndName).getOrDefault("conditions", List.of()))
                .stream()
                        .filter(condition -> type.equals(condition.get("type")))
                        .findFirst()
                        .orElse(Map.of());
    }

    private static String conditionReason(String kindAndName, String type) {
        return (String) condition(kindAndName, type).get("reason");
    }

    private static String conditionStatus(String kindAndName, String type) {
        return (String) condition(kindAndName, type).get("status");
    }

    private static boolean podLogsMention(String namespace, String podPrefix, String text) throws Exception {
        Path dir = cluster.cluster().podsDir().resolve(namespace);
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path log : files.filter(file -> file.getFileName().toString().equals("pod.log")
                            && file.getParent().getFileName().toString().startsWith(podPrefix))
                    .toList()) {
                if (Files.readString(log).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Phase, reason and message of every example object: the table the report of this suite shows. */
    private static String states(List<HasMetadata> objects) {
        StringBuilder table = new StringBuilder("\n===== examples after ExamplesIT =====\n");
        for (HasMetadata object : objects) {
            if (!object.getApiVersion().startsWith(LangopApi.GROUP)) {
                continue;
            }
            String key = object.getKind() + " " + object.getMetadata().getNamespace() + "/"
                    + object.getMetadata().getName();
            Map<String, Object> status = status(key);
            table.append(String.format(
                    "%-50s %-10s %-22s %s%n", key, status.get("phase"), status.get("reason"), status.get("message")));
        }
        return table.toString();
    }
}
