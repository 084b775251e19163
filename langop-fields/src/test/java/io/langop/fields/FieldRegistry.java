package io.langop.fields;

import static io.langop.fields.Enforcer.CONSOLE;
import static io.langop.fields.Enforcer.OPERATOR;
import static io.langop.fields.Enforcer.PROXY;
import static io.langop.fields.Enforcer.RUNTIME;
import static io.langop.fields.Enforcer.SYNTHESIS;

import java.util.ArrayList;
import java.util.List;

/**
 * What every field of every kind's spec does, and who reads it. {@link FieldRegistryTest} holds each line to
 * the code: a field the CRD schema has and this registry does not fails, and so does a claim the bytecode or the
 * CRD's rules do not bear out. A new field is one more line here: the class that reads it (whose bytecode must
 * call its getter) and where it takes effect, or a sample value the CRD refuses as "not supported yet".
 *
 * <p>Readers are named by class name (relative to {@code io.langop.operator} or {@code io.langop.console}), since
 * most are package-private; a name that no longer resolves fails the test.
 */
final class FieldRegistry {

    static final List<Claim> CLAIMS = build();

    private final List<Claim> claims = new ArrayList<>();
    private Kind kind;

    private FieldRegistry() {}

    private static List<Claim> build() {
        FieldRegistry r = new FieldRegistry();

        r.kind(Kind.LanguageCluster);
        r.read(OPERATOR, "cluster.LanguageClusterReconciler", "spec.namespaceLabels");
        r.read(OPERATOR, "cluster.IsolationEnabled", "spec.network", "spec.network.isolation");
        r.read(OPERATOR, "cluster.LanguageClusterReconciler", "spec.network.egress");
        r.egressRules("spec.network.egress[]", "/spec/network/egress");
        r.read(
                OPERATOR,
                "dashboard.DashboardObjects",
                "spec.dashboard",
                "spec.dashboard.enabled",
                "spec.dashboard.image");
        r.read(
                OPERATOR,
                "dashboard.DashboardDeployment",
                "spec.dashboard.apiKeySecretRef",
                "spec.dashboard.oidc",
                "spec.dashboard.oidc.issuer",
                "spec.dashboard.oidc.clientId",
                "spec.dashboard.oidc.clientSecretRef",
                "spec.dashboard.oidc.audience",
                "spec.dashboard.oidc.scopes");
        r.read(
                OPERATOR,
                "kube.SecretVariable",
                "spec.dashboard.apiKeySecretRef.name",
                "spec.dashboard.apiKeySecretRef.key",
                "spec.dashboard.oidc.clientSecretRef.name",
                "spec.dashboard.oidc.clientSecretRef.key");

        r.kind(Kind.LanguageModel);
        r.read(OPERATOR, "cluster.ClusterMembers", "spec.clusterRef");
        r.read(
                PROXY,
                "model.ProxyConfigRenderer",
                "spec.provider",
                "spec.modelName",
                "spec.endpoint",
                "spec.apiKeySecretRef",
                "spec.apiKeySecretRef.name",
                "spec.apiKeySecretRef.key",
                "spec.configuration",
                "spec.configuration.maxTokens",
                "spec.configuration.temperature",
                "spec.configuration.topP",
                "spec.configuration.frequencyPenalty",
                "spec.configuration.presencePenalty",
                "spec.configuration.stopSequences",
                "spec.configuration.additionalParameters",
                "spec.rateLimits",
                "spec.rateLimits.requestsPerMinute",
                "spec.rateLimits.tokensPerMinute",
                "spec.rateLimits.concurrentRequests",
                "spec.timeout",
                "spec.retryPolicy",
                "spec.retryPolicy.maxAttempts",
                "spec.retryPolicy.initialBackoff",
                "spec.retryPolicy.maxBackoff",
                "spec.retryPolicy.backoffMultiplier",
                "spec.retryPolicy.retryableStatusCodes",
                "spec.loadBalancing",
                "spec.loadBalancing.strategy",
                "spec.loadBalancing.endpoints",
                "spec.loadBalancing.endpoints[].url",
                "spec.loadBalancing.endpoints[].weight",
                "spec.loadBalancing.healthCheck",
                "spec.loadBalancing.healthCheck.enabled",
                "spec.loadBalancing.healthCheck.interval",
                "spec.loadBalancing.healthCheck.unhealthyThreshold",
                "spec.caching",
                "spec.caching.enabled",
                "spec.caching.ttl",
                "spec.caching.maxSize",
                "spec.caching.backend",
                "spec.sharedState",
                "spec.sharedState.connectionSecretRef",
                "spec.sharedState.connectionSecretRef.name",
                "spec.sharedState.connectionSecretRef.key",
                "spec.sharedState.timeout",
                "spec.costTracking",
                "spec.costTracking.enabled",
                "spec.costTracking.inputTokenCost",
                "spec.costTracking.outputTokenCost",
                "spec.costTracking.currency");
        r.read(PROXY, "model.ModelFallbacks", "spec.fallbacks", "spec.fallbacks[].modelRef");
        r.read(PROXY, "model.ProxyConfigRenderer", "spec.fallbacks[].conditions");
        r.read(OPERATOR, "model.ProxyDeployment", "spec.observability", "spec.resources");
        // the Deployment's replicas, and each replica's share of the limits while the Redis they share is down
        r.read(OPERATOR, "model.ProxyConfigRenderer", "spec.replicas");
        r.read(OPERATOR, "model.ProxyDeployment", "spec.observability.logging", "spec.observability.logging.level");
        r.readVia(OPERATOR, "trace.PodTelemetry", "exportsTraces", "spec.observability.tracing");
        r.read(OPERATOR, "trace.PodTelemetry", "spec.observability.otlpEndpoint");
        r.read(OPERATOR, "model.LanguageModelReconciler", "spec.egress", "spec.sharedState.egress");
        r.egressRules("spec.egress[]", "/spec/egress");
        r.egressRule("spec.sharedState.egress", "/spec/sharedState/egress");
        r.refused(
                "spec.regions",
                "/spec/regions",
                "[{\"name\": \"eu-west-1\", \"endpoint\": \"https://eu.example.com/v1\"}]");
        r.refused(
                "spec.loadBalancing.endpoints[].region",
                "/spec/loadBalancing/endpoints",
                "[{\"url\": \"https://a.example.com/v1\", \"region\": \"eu\"}]");
        r.refused(
                "spec.loadBalancing.endpoints[].priority",
                "/spec/loadBalancing/endpoints",
                "[{\"url\": \"https://a.example.com/v1\", \"priority\": 1}]");
        r.refused("spec.loadBalancing.healthCheck.timeout", "/spec/loadBalancing/healthCheck/timeout", "\"3s\"");
        r.refused(
                "spec.loadBalancing.healthCheck.healthyThreshold",
                "/spec/loadBalancing/healthCheck/healthyThreshold",
                "2");
        r.refused("spec.caching.backend", "/spec/caching/backend", "\"memcached\"");
        r.refused("spec.observability.metrics", "/spec/observability/metrics", "false");
        r.refused("spec.observability.logging.logRequests", "/spec/observability/logging/logRequests", "true");
        r.refused("spec.observability.logging.logResponses", "/spec/observability/logging/logResponses", "true");

        r.kind(Kind.LanguageTool);
        r.read(OPERATOR, "cluster.ClusterMembers", "spec.clusterRef");
        r.read(OPERATOR, "tool.ToolEndpoint", "spec.deploymentMode", "spec.port");
        r.read(
                OPERATOR,
                "tool.ToolContainer",
                "spec.image",
                "spec.imagePullPolicy",
                "spec.env",
                "spec.envFrom",
                "spec.resources",
                "spec.volumeMounts",
                "spec.livenessProbe",
                "spec.readinessProbe",
                "spec.startupProbe");
        r.read(
                OPERATOR,
                "tool.ToolDeployment",
                "spec.replicas",
                "spec.podAnnotations",
                "spec.podLabels",
                "spec.volumes",
                "spec.updateStrategy");
        r.serviceWorkloadPods();
        r.updateStrategy();
        r.read(OPERATOR, "tool.ToolService", "spec.serviceType", "spec.serviceAnnotations");
        r.read(OPERATOR, "tool.ToolDisruptionBudget", "spec.podDisruptionBudget");
        r.read(
                OPERATOR,
                "workload.DisruptionBudgets",
                "spec.podDisruptionBudget.minAvailable",
                "spec.podDisruptionBudget.maxUnavailable");
        r.read(OPERATOR, "tool.LanguageToolReconciler", "spec.egress");
        r.read(OPERATOR, "tool.ToolAutoscaler", "spec.horizontalPodAutoscaler");
        r.autoscaling();
        r.egressRules("spec.egress[]", "/spec/egress");
        r.refused("spec.type", "/spec/type", "\"openapi\"");

        r.kind(Kind.LanguagePersona);
        // the persona's whole spec, as JSON, is what the synthesis LLM distils into the agent's system prompt
        r.readWhole(SYNTHESIS, "agent.SynthesisInputs", "spec");
        r.read(OPERATOR, "cluster.ClusterMembers", "spec.clusterRef");
        r.read(
                RUNTIME,
                "agent.AgentEnvironment",
                "spec.systemPrompt",
                "spec.instructions",
                "spec.tone",
                "spec.language");
        r.read(RUNTIME, "agent.AgentLimitsVariable", "spec.constraints", "spec.constraints.blockedTopics");
        r.read(
                OPERATOR,
                "persona.PersonaValidation",
                "spec.displayName",
                "spec.description",
                "spec.parentPersona",
                "spec.rules",
                "spec.rules[].name",
                "spec.rules[].condition",
                "spec.rules[].action",
                "spec.examples",
                "spec.examples[].input",
                "spec.examples[].output",
                "spec.responseFormat",
                "spec.responseFormat.type",
                "spec.responseFormat.schema",
                "spec.toolPreferences",
                "spec.toolPreferences.preferredTools",
                "spec.toolPreferences.avoidTools");
        r.refused(
                "spec.knowledgeSources",
                "/spec/knowledgeSources",
                "[{\"name\": \"faq\", \"type\": \"url\", \"url\": \"https://help.example.com\"}]");
        r.refused("spec.constraints.maxKnowledgeQueries", "/spec/constraints/maxKnowledgeQueries", "3");

        r.kind(Kind.LanguageAgent);
        r.read(OPERATOR, "cluster.ClusterMembers", "spec.clusterRef");
        r.read(
                OPERATOR,
                "agent.AgentPodTemplate",
                "spec.image",
                "spec.imagePullPolicy",
                "spec.imagePullSecrets",
                "spec.envFrom",
                "spec.resources",
                "spec.nodeSelector",
                "spec.affinity",
                "spec.tolerations",
                "spec.serviceAccountName",
                "spec.securityContext",
                "spec.volumeMounts",
                "spec.volumes",
                "spec.podAnnotations",
                "spec.podLabels",
                "spec.codeRef");
        r.read(OPERATOR, "agent.BroughtCode", "spec.codeRef.name", "spec.codeRef.key");
        r.read(OPERATOR, "agent.AgentInstructions", "spec.instructions");
        r.read(SYNTHESIS, "agent.SynthesisInputs", "spec.instructions");
        r.read(
                SYNTHESIS,
                "agent.SynthesisInputs",
                "spec.synthesis",
                "spec.synthesis.modelRef",
                "spec.synthesis.maxRepairAttempts");
        r.read(OPERATOR, "agent.AgentPlan", "spec.executionMode", "spec.workspace.enabled", "spec.workspace.mountPath");
        r.read(OPERATOR, "agent.AgentCronJob", "spec.schedule", "spec.restartPolicy", "spec.backoffLimit");
        r.read(OPERATOR, "agent.AgentDeployment", "spec.replicas");
        r.read(
                OPERATOR,
                "agent.WorkspaceClaim",
                "spec.workspace",
                "spec.workspace.size",
                "spec.workspace.storageClassName",
                "spec.workspace.accessMode");
        r.read(
                RUNTIME,
                "agent.AgentEnvironment",
                "spec.env",
                "spec.goal",
                "spec.maxIterations",
                "spec.timeout",
                "spec.observability",
                "spec.observability.logLevel",
                "spec.safetyConfig.approvalTokenSecretRef");
        r.read(
                RUNTIME,
                "agent.AgentEnvironment",
                "spec.safetyConfig.approvalTokenSecretRef.name",
                "spec.safetyConfig.approvalTokenSecretRef.key");
        r.read(
                RUNTIME,
                "agent.AgentLimitsVariable",
                "spec.safetyConfig",
                "spec.safetyConfig.maxToolCallsPerIteration",
                "spec.safetyConfig.maxCostPerExecution",
                "spec.safetyConfig.blockedTools",
                "spec.safetyConfig.requireApprovalFor",
                "spec.safetyConfig.requireApprovalForSideEffects",
                "spec.safetyConfig.approvalTimeout",
                "spec.safetyConfig.contentFilters",
                "spec.safetyConfig.contentFilters[].type",
                "spec.safetyConfig.contentFilters[].action",
                "spec.safetyConfig.contentFilters[].pattern",
                "spec.rateLimits",
                "spec.rateLimits.requestsPerMinute",
                "spec.rateLimits.tokensPerMinute",
                "spec.rateLimits.toolCallsPerMinute",
                "spec.toolRefs[].requireApproval");
        r.read(
                PROXY,
                "usage.ProxyClients",
                "spec.rateLimits",
                "spec.rateLimits.requestsPerMinute",
                "spec.rateLimits.tokensPerMinute");
        r.read(OPERATOR, "usage.AgentModels", "spec.modelRefs", "spec.modelRefs[].name", "spec.modelRefs[].namespace");
        r.read(OPERATOR, "agent.LanguageAgentReconciler", "spec.modelRefs[].role", "spec.modelRefs[].priority");
        r.read(
                OPERATOR,
                "agent.AgentReferences",
                "spec.toolRefs",
                "spec.toolRefs[].name",
                "spec.toolRefs[].namespace",
                "spec.toolRefs[].enabled",
                "spec.personaRef",
                "spec.personaRef.name",
                "spec.personaRef.namespace");
        r.read(
                RUNTIME,
                "agent.AgentMemoryStore",
                "spec.memoryStore",
                "spec.memoryStore.type",
                "spec.memoryStore.connectionSecretRef",
                "spec.memoryStore.retentionPolicy",
                "spec.memoryStore.retentionPolicy.maxMessages",
                "spec.memoryStore.egress");
        r.read(
                RUNTIME,
                "kube.SecretVariable",
                "spec.memoryStore.connectionSecretRef.name",
                "spec.memoryStore.connectionSecretRef.key");
        r.egressRule("spec.memoryStore.egress", "/spec/memoryStore/egress");
        r.read(OPERATOR, "agent.LanguageAgentReconciler", "spec.egress");
        r.egressRules("spec.egress[]", "/spec/egress");
        r.readVia(OPERATOR, "trace.PodTelemetry", "exportsTraces", "spec.observability.tracing");
        r.read(OPERATOR, "trace.PodTelemetry", "spec.observability.otlpEndpoint");
        r.read(RUNTIME, "trace.PodTelemetry", "spec.observability.metrics");
        r.refused("spec.observability.logConversations", "/spec/observability/logConversations", "true");
        r.refused("spec.memoryStore.maxConversations", "/spec/memoryStore/maxConversations", "10");
        r.refused("spec.memoryStore.retentionPolicy.maxAge", "/spec/memoryStore/retentionPolicy/maxAge", "\"30d\"");
        r.read(
                RUNTIME,
                "agent.AgentWebhooks",
                "spec.eventTriggers",
                "spec.eventTriggers[].type",
                "spec.eventTriggers[].source",
                "spec.eventTriggers[].authentication",
                "spec.eventTriggers[].filter",
                "spec.eventTriggers[].condition",
                "spec.eventTriggers[].mapping");
        r.read(OPERATOR, "trigger.ForwardingPlan", "spec.eventTriggers[].schedule");
        r.read(OPERATOR, "trigger.AgentForwarding", "spec.eventTriggers[].kubernetes");
        r.read(
                OPERATOR,
                "trigger.WatchedKind",
                "spec.eventTriggers[].kubernetes.apiVersion",
                "spec.eventTriggers[].kubernetes.kind");
        r.read(
                OPERATOR,
                "trigger.ResourceWatch",
                "spec.eventTriggers[].kubernetes.names",
                "spec.eventTriggers[].kubernetes.labels",
                "spec.eventTriggers[].kubernetes.changes",
                "spec.eventTriggers[].kubernetes.reasons",
                "spec.eventTriggers[].kubernetes.involvedObject",
                "spec.eventTriggers[].kubernetes.involvedObject.kind",
                "spec.eventTriggers[].kubernetes.involvedObject.name");
        r.read(
                OPERATOR,
                "agent.AgentMailTriggers",
                "spec.eventTriggers[].mail",
                "spec.eventTriggers[].mail.tool",
                "spec.eventTriggers[].mail.folder",
                "spec.eventTriggers[].mail.from",
                "spec.eventTriggers[].mail.subject");

        r.kind(Kind.LanguageClient);
        r.read(OPERATOR, "cluster.ClusterMembers", "spec.clusterRef");
        r.read(OPERATOR, "client.ClientObjects", "spec.image", "spec.port");
        r.read(
                OPERATOR,
                "client.ClientDeployment",
                "spec.replicas",
                "spec.imagePullPolicy",
                "spec.env",
                "spec.envFrom",
                "spec.resources",
                "spec.volumeMounts",
                "spec.volumes",
                "spec.podAnnotations",
                "spec.podLabels",
                "spec.livenessProbe",
                "spec.readinessProbe",
                "spec.startupProbe",
                "spec.containerSecurityContext",
                "spec.updateStrategy",
                "spec.horizontalPodAutoscaler",
                "spec.tls",
                "spec.tls.enabled",
                "spec.tls.secretRef",
                "spec.logging",
                "spec.logging.level",
                "spec.logging.format");
        r.serviceWorkloadPods();
        r.updateStrategy();
        r.read(OPERATOR, "client.ClientService", "spec.serviceType", "spec.serviceAnnotations");
        r.read(OPERATOR, "client.ClientScaling", "spec.podDisruptionBudget");
        r.read(
                OPERATOR,
                "workload.DisruptionBudgets",
                "spec.podDisruptionBudget.minAvailable",
                "spec.podDisruptionBudget.maxUnavailable");
        r.autoscaling();
        r.read(
                OPERATOR,
                "client.ClientIngress",
                "spec.ingress",
                "spec.ingress.enabled",
                "spec.ingress.className",
                "spec.ingress.hosts",
                "spec.ingress.path",
                "spec.ingress.pathType",
                "spec.ingress.annotations",
                "spec.ingress.tls",
                "spec.tls.certManager",
                "spec.tls.certManagerIssuer");
        r.read(
                OPERATOR,
                "client.ClientServiceMonitor",
                "spec.monitoring",
                "spec.monitoring.enabled",
                "spec.monitoring.prometheus",
                "spec.monitoring.serviceMonitor",
                "spec.monitoring.metricsPath",
                "spec.monitoring.additionalLabels");
        r.read(
                OPERATOR,
                "client.ClientReferences",
                "spec.modelRefs",
                "spec.modelRefs[].name",
                "spec.modelRefs[].namespace",
                "spec.toolRefs",
                "spec.toolRefs[].name",
                "spec.toolRefs[].namespace",
                "spec.toolRefs[].enabled",
                "spec.personaRef",
                "spec.personaRef.name",
                "spec.personaRef.namespace",
                "spec.agentRefs",
                "spec.agentRefs[].name",
                "spec.agentRefs[].namespace",
                "spec.agentRefs[].enabled");
        r.read(
                CONSOLE,
                "client.ClientSettings",
                "spec.type",
                "spec.allowModelSelection",
                "spec.allowPersonaSelection",
                "spec.agentRefs[].displayName",
                "spec.agentRefs[].description",
                "spec.agentRefs[].icon",
                "spec.authentication",
                "spec.authentication.enabled",
                "spec.authentication.requireAuthentication",
                "spec.authentication.allowAnonymous",
                "spec.authentication.providers[].type",
                "spec.authentication.providers[].enabled",
                "spec.sessionConfig.backend",
                "spec.sessionConfig.ttl",
                "spec.sessionConfig.maxMessagesPerSession",
                "spec.sessionConfig.enablePersistence",
                "spec.sessionConfig.cookieConfig",
                "spec.sessionConfig.backendConfig.endpoint",
                "spec.sessionConfig.backendConfig.database",
                "spec.sessionConfig.backendConfig.keyPrefix",
                "spec.rateLimiting",
                "spec.contentModeration",
                "spec.cors",
                "spec.uiConfig");
        r.read(
                CONSOLE,
                "client.ClientSecrets",
                "spec.authentication.providers",
                "spec.authentication.providers[].name",
                "spec.authentication.providers[].config",
                "spec.authentication.providers[].secretRef",
                "spec.sessionConfig",
                "spec.sessionConfig.backendConfig",
                "spec.sessionConfig.backendConfig.secretRef");
        r.read(
                CONSOLE,
                "kube.SecretVariable",
                "spec.authentication.providers[].secretRef.name",
                "spec.authentication.providers[].secretRef.key",
                "spec.sessionConfig.backendConfig.secretRef.name",
                "spec.sessionConfig.backendConfig.secretRef.key");
        r.refused(
                "spec.sessionConfig.backend",
                "/spec/sessionConfig",
                "{\"backend\": \"dynamodb\", \"backendConfig\": {}}");
        r.readConsole(
                "auth.SessionCookie",
                "spec.sessionConfig.cookieConfig.name",
                "spec.sessionConfig.cookieConfig.domain",
                "spec.sessionConfig.cookieConfig.path",
                "spec.sessionConfig.cookieConfig.secure",
                "spec.sessionConfig.cookieConfig.httpOnly",
                "spec.sessionConfig.cookieConfig.sameSite");
        r.readConsole(
                "guard.UserRateLimits",
                "spec.rateLimiting.requestsPerMinute",
                "spec.rateLimiting.requestsPerHour",
                "spec.rateLimiting.requestsPerDay",
                "spec.rateLimiting.tokensPerMinute",
                "spec.rateLimiting.tokensPerDay",
                "spec.rateLimiting.strategy");
        r.readConsole("Console", "spec.rateLimiting.concurrentSessions");
        r.readConsole(
                "guard.Moderation",
                "spec.contentModeration.enabled",
                "spec.contentModeration.filterPII",
                "spec.contentModeration.filterProfanity",
                "spec.contentModeration.filterToxic",
                "spec.contentModeration.action",
                "spec.contentModeration.customFilters",
                "spec.contentModeration.customFilters[].name",
                "spec.contentModeration.customFilters[].pattern",
                "spec.contentModeration.customFilters[].action",
                "spec.contentModeration.customFilters[].message");
        r.readConsole(
                "web.CorsPolicy",
                "spec.cors.enabled",
                "spec.cors.allowedOrigins",
                "spec.cors.allowedMethods",
                "spec.cors.allowedHeaders",
                "spec.cors.allowCredentials",
                "spec.cors.maxAge");
        r.readConsole(
                "web.Pages",
                "spec.uiConfig.title",
                "spec.uiConfig.description",
                "spec.uiConfig.logo",
                "spec.uiConfig.theme",
                "spec.uiConfig.primaryColor",
                "spec.uiConfig.secondaryColor",
                "spec.uiConfig.customCSS",
                "spec.uiConfig.customJS",
                "spec.uiConfig.footer",
                "spec.uiConfig.privacyPolicyURL",
                "spec.uiConfig.termsOfServiceURL",
                "spec.uiConfig.features",
                "spec.uiConfig.features.showModelSelector",
                "spec.uiConfig.features.enableExport",
                "spec.uiConfig.features.showTimestamps",
                "spec.uiConfig.features.showToolUsage");
        r.refused("spec.regions", "/spec/regions", "[{\"name\": \"eu\"}]");
        r.refused(
                "spec.toolRefs[].requireApproval",
                "/spec/toolRefs",
                "[{\"name\": \"web\", \"requireApproval\": true}]");
        r.refused("spec.modelRefs[].role", "/spec/modelRefs", "[{\"name\": \"gpt\", \"role\": \"fallback\"}]");
        r.refused("spec.modelRefs[].priority", "/spec/modelRefs", "[{\"name\": \"gpt\", \"priority\": 1}]");
        r.refused("spec.authentication.rbac", "/spec/authentication/rbac", "{\"enabled\": true}");
        r.refused("spec.rateLimiting.costPerDay", "/spec/rateLimiting/costPerDay", "\"5\"");
        r.refused("spec.logging.logRequests", "/spec/logging/logRequests", "true");
        r.refused("spec.logging.logResponses", "/spec/logging/logResponses", "true");
        r.refused("spec.logging.sanitizeSecrets", "/spec/logging/sanitizeSecrets", "false");
        for (String feature : List.of(
                "showPersonaSelector",
                "showThinkingProcess",
                "enableFileUpload",
                "enableVoiceInput",
                "enableSharing",
                "showCosts")) {
            r.refused("spec.uiConfig.features." + feature, "/spec/uiConfig/features/" + feature, "true");
        }
        return List.copyOf(r.claims);
    }

    private void kind(Kind next) {
        kind = next;
    }

    private void read(Enforcer where, String reader, String... paths) {
        for (String path : paths) {
            claims.add(new Claim.Read(kind, path, where, operatorClass(reader), null, false));
        }
    }

    private void readConsole(String reader, String... paths) {
        for (String path : paths) {
            claims.add(new Claim.Read(kind, path, CONSOLE, named("io.langop.console." + reader), null, false));
        }
    }

    private void readVia(Enforcer where, String reader, String accessor, String path) {
        claims.add(new Claim.Read(kind, path, where, operatorClass(reader), accessor, false));
    }

    private void readWhole(Enforcer where, String reader, String path) {
        claims.add(new Claim.Read(kind, path, where, operatorClass(reader), null, true));
    }

    private void refused(String path, String pointer, String sample) {
        claims.add(new Claim.Refused(kind, path, pointer, sample));
    }

    /** The pod fields every service workload (tools, clients) takes as written. */
    private void serviceWorkloadPods() {
        read(
                OPERATOR,
                "workload.ServiceWorkloadPods",
                "spec.serviceAccountName",
                "spec.securityContext",
                "spec.nodeSelector",
                "spec.affinity",
                "spec.tolerations",
                "spec.topologySpreadConstraints",
                "spec.imagePullSecrets");
    }

    /** The autoscaler settings tools and clients share ({@code Autoscaling}). */
    private void autoscaling() {
        read(
                OPERATOR,
                "workload.Autoscalers",
                "spec.horizontalPodAutoscaler.enabled",
                "spec.horizontalPodAutoscaler.minReplicas",
                "spec.horizontalPodAutoscaler.maxReplicas",
                "spec.horizontalPodAutoscaler.targetCPUUtilizationPercentage",
                "spec.horizontalPodAutoscaler.targetMemoryUtilizationPercentage",
                "spec.horizontalPodAutoscaler.customMetrics",
                "spec.horizontalPodAutoscaler.customMetrics[].name",
                "spec.horizontalPodAutoscaler.customMetrics[].type",
                "spec.horizontalPodAutoscaler.customMetrics[].target");
    }

    private void updateStrategy() {
        read(
                OPERATOR,
                "workload.UpdateStrategies",
                "spec.updateStrategy.type",
                "spec.updateStrategy.rollingUpdate",
                "spec.updateStrategy.rollingUpdate.maxSurge",
                "spec.updateStrategy.rollingUpdate.maxUnavailable");
    }

    /** A list of egress rules at {@code path} ({@code ...[]}), which {@code pointer} addresses in an object. */
    private void egressRules(String path, String pointer) {
        egressRule(path, pointer);
    }

    /**
     * The fields of one egress rule ({@link io.langop.api.v1alpha1.NetworkRule}): its destination and ports become
     * NetworkPolicy rules, its description is for people, {@code from} is refused.
     */
    private void egressRule(String path, String pointer) {
        String to = path + ".to";
        read(
                OPERATOR,
                "egress.EgressRules",
                path + ".ports",
                path + ".ports[].port",
                path + ".ports[].protocol",
                to,
                to + ".cidr",
                to + ".dns",
                to + ".group",
                to + ".namespaceSelector",
                to + ".podSelector",
                to + ".service");
        read(OPERATOR, "egress.EgressRules", to + ".service.name", to + ".service.namespace");
        claims.add(new Claim.Note(kind, path + ".description"));
        String rule = "{\"from\": {\"cidr\": \"10.0.0.0/8\"}, \"to\": {\"cidr\": \"10.0.0.0/8\"}}";
        refused(path + ".from", pointer, path.endsWith("[]") ? "[" + rule + "]" : rule);
    }

    private static Class<?> operatorClass(String relativeName) {
        return named("io.langop.operator." + relativeName);
    }

    private static Class<?> named(String name) {
        try {
            return Class.forName(name, false, FieldRegistry.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no reader class " + name, e);
        }
    }
}
