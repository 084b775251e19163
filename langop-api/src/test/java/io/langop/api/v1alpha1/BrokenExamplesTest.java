package io.langop.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Deliberately broken copies of valid examples must be rejected, naming what is wrong. */
class BrokenExamplesTest {

    /** A valid example, a change that breaks it, and what the rejection must mention. */
    record Breakage(String what, String file, String kind, Consumer<ObjectNode> breakSpec, String expected) {

        JsonNode brokenObject() {
            JsonNode copy = Examples.named(file, kind).object().deepCopy();
            breakSpec.accept((ObjectNode) copy.get("spec"));
            return copy;
        }

        @Override
        public String toString() {
            return what;
        }
    }

    private static final String AGENT = "simple-agent/agent.yaml";
    private static final String MODEL = "simple-agent/model.yaml";
    private static final String TOOLS = "simple-agent/tools.yaml";
    private static final String CLIENT = "languageclient/web-chat.yaml";
    private static final String SELF_HOSTED = "languagemodel/self-hosted-with-fallback.yaml";

    static Stream<Breakage> schemaBreakages() {
        return Stream.of(
                new Breakage(
                        "agent without models",
                        AGENT,
                        "LanguageAgent",
                        spec -> spec.putArray("modelRefs"),
                        "/spec/modelRefs: must have at least 1 items"),
                new Breakage(
                        "model reference without name",
                        AGENT,
                        "LanguageAgent",
                        spec -> ((ObjectNode) spec.get("modelRefs").get(0)).remove("name"),
                        "/spec/modelRefs/0: required property 'name' not found"),
                new Breakage(
                        "unknown execution mode",
                        AGENT,
                        "LanguageAgent",
                        spec -> spec.put("executionMode", "sometimes"),
                        "/spec/executionMode: does not have a value in the enumeration"),
                new Breakage(
                        "unknown model role",
                        AGENT,
                        "LanguageAgent",
                        spec -> ((ObjectNode) spec.get("modelRefs").get(0)).put("role", "oracle"),
                        "/spec/modelRefs/0/role: does not have a value in the enumeration"),
                new Breakage(
                        "too many iterations",
                        AGENT,
                        "LanguageAgent",
                        spec -> spec.put("maxIterations", 5000),
                        "/spec/maxIterations: must have a maximum value of 1000"),
                new Breakage(
                        "instructions beyond 64 Ki characters",
                        AGENT,
                        "LanguageAgent",
                        spec -> spec.put("instructions", "x".repeat(65_537)),
                        "/spec/instructions: must be at most"),
                new Breakage(
                        "negative replicas",
                        AGENT,
                        "LanguageAgent",
                        spec -> spec.put("replicas", -1),
                        "/spec/replicas: must have a minimum value of 0"),
                new Breakage(
                        "timeout in words",
                        AGENT,
                        "LanguageAgent",
                        spec -> spec.put("timeout", "ten minutes"),
                        "/spec/timeout: does not match the regex pattern"),
                new Breakage(
                        "schedule that is not cron",
                        AGENT,
                        "LanguageAgent",
                        spec -> spec.put("schedule", "every morning"),
                        "/spec/schedule: does not match the regex pattern"),
                new Breakage(
                        "workspace size that is no quantity",
                        AGENT,
                        "LanguageAgent",
                        spec -> ((ObjectNode) spec.get("workspace")).put("size", "lots"),
                        "/spec/workspace/size: does not match the regex pattern"),
                new Breakage(
                        "tool flag given as text",
                        AGENT,
                        "LanguageAgent",
                        spec -> ((ObjectNode) spec.get("toolRefs").get(0)).put("enabled", "yes"),
                        "/spec/toolRefs/0/enabled: string found, boolean expected"),
                new Breakage(
                        "misspelt field",
                        AGENT,
                        "LanguageAgent",
                        spec -> spec.set("instruction", spec.remove("instructions")),
                        "/spec: property 'instruction' is not defined in the schema"),
                new Breakage(
                        "unknown provider",
                        MODEL,
                        "LanguageModel",
                        spec -> spec.put("provider", "skynet"),
                        "/spec/provider: does not have a value in the enumeration"),
                new Breakage(
                        "API key secret without name",
                        MODEL,
                        "LanguageModel",
                        spec -> ((ObjectNode) spec.get("apiKeySecretRef")).remove("name"),
                        "/spec/apiKeySecretRef: required property 'name' not found"),
                new Breakage(
                        "temperature above 2",
                        MODEL,
                        "LanguageModel",
                        spec -> ((ObjectNode) spec.get("configuration")).put("temperature", 3.5),
                        "/spec/configuration/temperature: must have a maximum value of 2"),
                new Breakage(
                        "egress port out of range",
                        MODEL,
                        "LanguageModel",
                        spec -> ((ObjectNode) spec.at("/egress/0/ports/0")).put("port", 70000),
                        "/spec/egress/0/ports/0/port: must have a maximum value of 65535"),
                new Breakage(
                        "more egress rules than the API server can check cheaply",
                        MODEL,
                        "LanguageModel",
                        spec -> {
                            ArrayNode egress = (ArrayNode) spec.get("egress");
                            while (egress.size() <= 64) {
                                egress.add(egress.get(0).deepCopy());
                            }
                        },
                        "/spec/egress: must have at most 64 items"),
                new Breakage(
                        "tool port out of range",
                        TOOLS,
                        "LanguageTool",
                        spec -> spec.put("port", 0),
                        "/spec/port: must have a minimum value of 1"),
                new Breakage(
                        "unknown deployment mode",
                        TOOLS,
                        "LanguageTool",
                        spec -> spec.put("deploymentMode", "daemonset"),
                        "/spec/deploymentMode: does not have a value in the enumeration"),
                new Breakage(
                        "CIDR that is a host name",
                        TOOLS,
                        "LanguageTool",
                        spec -> ((ObjectNode) spec.at("/egress/0/to")).put("cidr", "example.com"),
                        "/spec/egress/0/to/cidr: does not match the regex pattern"),
                new Breakage(
                        "unknown auth provider type",
                        CLIENT,
                        "LanguageClient",
                        spec -> ((ObjectNode) spec.at("/authentication/providers/0")).put("type", "magic"),
                        "/spec/authentication/providers/0/type: does not have a value in the enumeration"));
    }

    static Stream<Breakage> celBreakages() {
        return Stream.of(
                new Breakage(
                        "agent without image",
                        AGENT,
                        "LanguageAgent",
                        spec -> spec.remove("image"),
                        "/spec: image is required"),
                new Breakage(
                        "scheduled agent without schedule",
                        AGENT,
                        "LanguageAgent",
                        spec -> spec.remove("schedule"),
                        "/spec: a scheduled agent needs a schedule"),
                new Breakage(
                        "schedule on an autonomous agent",
                        AGENT,
                        "LanguageAgent",
                        spec -> spec.put("executionMode", "autonomous"),
                        "/spec: schedule is only used with executionMode scheduled"),
                new Breakage(
                        "agent with neither instructions nor code",
                        AGENT,
                        "LanguageAgent",
                        spec -> spec.remove("instructions"),
                        "/spec: set instructions (synthesized code) or codeRef (your own code)"),
                new Breakage(
                        "agent with instructions and code",
                        AGENT,
                        "LanguageAgent",
                        spec -> spec.putObject("codeRef").put("name", "mine"),
                        "/spec: instructions and codeRef exclude each other"),
                new Breakage(
                        "event-driven agent without triggers",
                        AGENT,
                        "LanguageAgent",
                        spec -> {
                            spec.remove("schedule");
                            spec.put("executionMode", "event-driven");
                        },
                        "/spec: an event-driven agent needs eventTriggers"),
                new Breakage(
                        "message-queue trigger, which is not built",
                        AGENT,
                        "LanguageAgent",
                        spec -> {
                            spec.remove("schedule");
                            spec.put("executionMode", "event-driven");
                            spec.putArray("eventTriggers")
                                    .addObject()
                                    .put("type", "message-queue")
                                    .put("source", "orders");
                        },
                        "/spec/eventTriggers/0: eventTriggers type message-queue is not supported yet: use webhook"
                                + " (CloudEvents are delivered to webhooks too)"),
                new Breakage(
                        "kubernetes-event trigger on a Secret",
                        AGENT,
                        "LanguageAgent",
                        spec -> {
                            spec.remove("schedule");
                            spec.put("executionMode", "event-driven");
                            ObjectNode watch = spec.putArray("eventTriggers")
                                    .addObject()
                                    .put("type", "kubernetes-event")
                                    .putObject("kubernetes")
                                    .put("kind", "Secret");
                            watch.putArray("names").add("db-password");
                        },
                        "/spec/eventTriggers/0/kubernetes: Secrets are never forwarded: their data would reach the agent and"
                                + " its model; watch a ConfigMap, or the Events about the Secret (kind: Event,"
                                + " involvedObject: {kind: Secret})"),
                new Breakage(
                        "kubernetes-event trigger on a kind the operator does not read",
                        AGENT,
                        "LanguageAgent",
                        spec -> {
                            spec.remove("schedule");
                            spec.put("executionMode", "event-driven");
                            ObjectNode watch = spec.putArray("eventTriggers")
                                    .addObject()
                                    .put("type", "kubernetes-event")
                                    .putObject("kubernetes")
                                    .put("apiVersion", "apps/v1")
                                    .put("kind", "StatefulSet");
                            watch.putArray("names").add("db");
                        },
                        "/spec/eventTriggers/0/kubernetes: kubernetes-event triggers watch ConfigMap, Event, Service and"
                                + " PersistentVolumeClaim (apiVersion v1), Deployment (apps/v1), Job and CronJob"
                                + " (batch/v1)"),
                new Breakage(
                        "kubernetes-event trigger on every ConfigMap of the namespace",
                        AGENT,
                        "LanguageAgent",
                        spec -> {
                            spec.remove("schedule");
                            spec.put("executionMode", "event-driven");
                            spec.putArray("eventTriggers")
                                    .addObject()
                                    .put("type", "kubernetes-event")
                                    .putObject("kubernetes")
                                    .put("kind", "ConfigMap");
                        },
                        "/spec/eventTriggers/0/kubernetes: name the objects to watch: names or labels (one of them)"),
                new Breakage(
                        "schedule trigger without a schedule",
                        AGENT,
                        "LanguageAgent",
                        spec -> {
                            spec.remove("schedule");
                            spec.put("executionMode", "event-driven");
                            spec.putArray("eventTriggers").addObject().put("type", "schedule");
                        },
                        "/spec/eventTriggers/0: a schedule trigger needs schedule (a cron expression or"
                                + " @every <duration>), and only it has one"),
                new Breakage(
                        "mail trigger without its tool",
                        AGENT,
                        "LanguageAgent",
                        spec -> {
                            spec.remove("schedule");
                            spec.put("executionMode", "event-driven");
                            spec.putArray("eventTriggers").addObject().put("type", "mail");
                        },
                        "/spec/eventTriggers/0: a mail trigger needs mail (the email tool that reads the mailbox:"
                                + " mail.tool), and only it has one"),
                new Breakage(
                        "mail settings on a webhook",
                        AGENT,
                        "LanguageAgent",
                        spec -> {
                            spec.remove("schedule");
                            spec.put("executionMode", "event-driven");
                            spec.putArray("eventTriggers")
                                    .addObject()
                                    .put("type", "webhook")
                                    .putObject("mail")
                                    .put("tool", "inbox");
                        },
                        "/spec/eventTriggers/0: a mail trigger needs mail (the email tool that reads the mailbox:"
                                + " mail.tool), and only it has one"),
                new Breakage(
                        "webhook path with a slash",
                        AGENT,
                        "LanguageAgent",
                        spec -> {
                            spec.remove("schedule");
                            spec.put("executionMode", "event-driven");
                            spec.putArray("eventTriggers")
                                    .addObject()
                                    .put("type", "webhook")
                                    .put("source", "git/hub");
                        },
                        "/spec/eventTriggers/0: a trigger's source is its path below /webhook/: lower-case"
                                + " letters, digits and '-'"),
                new Breakage(
                        "egress peer with a CIDR and names",
                        MODEL,
                        "LanguageModel",
                        spec -> ((ObjectNode) spec.at("/egress/0/to")).put("cidr", "10.0.0.0/8"),
                        "/spec/egress/0/to: set only one of group, cidr, dns, service or"
                                + " namespaceSelector/podSelector"),
                new Breakage(
                        "self-hosted model without endpoint",
                        SELF_HOSTED,
                        "LanguageModel",
                        spec -> {
                            spec.remove("endpoint");
                            spec.remove("loadBalancing");
                        },
                        "/spec: providers openai-compatible, azure and custom need an endpoint"),
                new Breakage(
                        "response cache in redis without the redis the replicas share",
                        SELF_HOSTED,
                        "LanguageModel",
                        spec -> ((ObjectNode) spec.get("caching")).put("backend", "redis"),
                        "/spec: caching.backend redis needs sharedState (the Redis the proxy replicas share)"),
                new Breakage(
                        "response cache in memcached, which is not built",
                        SELF_HOSTED,
                        "LanguageModel",
                        spec -> ((ObjectNode) spec.get("caching")).put("backend", "memcached"),
                        "/spec/caching: caching backend memcached is not supported yet: use memory (each proxy replica"
                                + " its own) or redis (one cache in the Redis of spec.sharedState)"),
                new Breakage(
                        "autoscaler minimum above maximum",
                        CLIENT,
                        "LanguageClient",
                        spec -> ((ObjectNode) spec.get("horizontalPodAutoscaler")).put("minReplicas", 9),
                        "/spec/horizontalPodAutoscaler: minReplicas must not exceed maxReplicas"),
                new Breakage(
                        "enabled ingress without hosts",
                        CLIENT,
                        "LanguageClient",
                        spec -> ((ObjectNode) spec.get("ingress")).remove("hosts"),
                        "/spec/ingress: an enabled ingress needs hosts"),
                new Breakage(
                        "anonymous users although authentication is required",
                        CLIENT,
                        "LanguageClient",
                        spec -> ((ObjectNode) spec.get("authentication")).put("allowAnonymous", true),
                        "/spec/authentication: requireAuthentication and allowAnonymous exclude each other"),
                new Breakage(
                        "custom content filter without pattern",
                        "languageagent/bring-your-own-code.yaml",
                        "LanguageAgent",
                        spec -> ((ObjectNode) spec.at("/safetyConfig/contentFilters/1")).remove("pattern"),
                        "/spec/safetyConfig/contentFilters/1: a custom content filter needs a pattern"),
                new Breakage(
                        "toxic content filter, which needs a model",
                        "languageagent/bring-your-own-code.yaml",
                        "LanguageAgent",
                        spec -> ((ObjectNode) spec.at("/safetyConfig/contentFilters/0")).put("type", "toxic"),
                        "/spec/safetyConfig/contentFilters/0: content filter type toxic is not supported yet: it needs"
                                + " a classification model; use pii, profanity or a custom pattern"),
                new Breakage(
                        "both minAvailable and maxUnavailable",
                        CLIENT,
                        "LanguageClient",
                        spec -> ((ObjectNode) spec.get("podDisruptionBudget")).put("minAvailable", 1),
                        "/spec/podDisruptionBudget: set minAvailable or maxUnavailable, not both"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaBreakages")
    void schemaRejectsTheBrokenCopy(Breakage breakage) {
        assertThat(CrdSchemaValidator.violations(
                        Examples.named(breakage.file(), breakage.kind()).object()))
                .as("the unbroken example")
                .isEmpty();

        assertThat(CrdSchemaValidator.violations(breakage.brokenObject()))
                .anySatisfy(violation -> assertThat(violation).startsWith(breakage.expected()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("celBreakages")
    void celRulesRejectTheBrokenCopy(Breakage breakage) {
        assertThat(CelRules.violations(
                        Examples.named(breakage.file(), breakage.kind()).object()))
                .as("the unbroken example")
                .isEmpty();

        assertThat(CelRules.violations(breakage.brokenObject())).contains(breakage.expected());
    }
}
