package io.langop.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.config.AgentConfig;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.mcp.TestMcpServer;
import io.langop.sdk.mcp.TestMcpServer.TestTool;
import io.langop.server.telemetry.MetricsPush;
import io.langop.trace.OtlpReceiver;
import io.langop.wire.AgentEnv;
import io.langop.wire.MeterName;
import io.langop.wire.Meters;
import io.langop.wire.TelemetryEnv;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scheduled agent ends before any scrape: its run's meters reach the collector over OTLP as the process ends. */
class ScheduledMetricsPushTest {

    @TempDir
    Path workspace;

    @Test
    void aScheduledRunPushesItsMetersToTheCollectorBeforeItsProcessEnds() throws Exception {
        try (ScriptedOpenAiServer llm = new ScriptedOpenAiServer();
                TestMcpServer mcp = TestMcpServer.start(TestTool.of("web_fetch", "url", args -> "release 1.2 is out"));
                OtlpReceiver collector = new OtlpReceiver()) {
            llm.thenText("Release 1.2 is out.", 120, 9);
            var agent = AgentDefinition.builder("digest")
                    .mode(ExecutionMode.SCHEDULED)
                    .objective("Summarize the releases")
                    .workflow(w -> w.step(
                                    "fetch", s -> s.tool("web_fetch").params(Map.of("url", "https://example.org")))
                            .step(
                                    "summarize",
                                    s -> s.prompt("Summarize {fetch}").dependsOn("fetch")))
                    .build();
            var config = AgentConfig.from(Map.of(
                    AgentEnv.MODEL_ENDPOINTS,
                    llm.rootUrl(),
                    AgentEnv.LLM_MODEL,
                    "scripted",
                    AgentEnv.MCP_SERVERS,
                    mcp.url().toString(),
                    AgentEnv.WORKSPACE_PATH,
                    workspace.toString()));
            MetricsPush push = MetricsPush.start(
                    "langop-agent",
                    Map.of(
                            TelemetryEnv.OTLP_METRICS_ENDPOINT,
                            collector.endpoint() + TelemetryEnv.OTLP_METRICS_PATH,
                            TelemetryEnv.SERVICE_NAME,
                            "digest",
                            TelemetryEnv.RESOURCE_ATTRIBUTES,
                            "k8s.namespace.name=reports,langop.agent=digest"));

            try (push;
                    AgentRuntime runtime = AgentRuntime.connect(config, () -> agent, push)) {
                assertThat(runtime.run()).isEqualTo(ExitStatus.SUCCESS);
                assertThat(collector.metrics())
                        .as("nothing before the process ends")
                        .isEmpty();
            }

            assertThat(collector.metrics()).hasSize(1);
            var resource = collector.metrics().getFirst().getResourceMetrics(0);
            assertThat(attributes(resource.getResource().getAttributesList()))
                    .containsEntry("service.name", "digest")
                    .containsEntry("langop.agent", "digest");
            Map<String, Metric> pushed = resource.getScopeMetricsList().stream()
                    .flatMap(scope -> scope.getMetricsList().stream())
                    .collect(Collectors.toMap(Metric::getName, metric -> metric));
            assertThat(sum(pushed, Meters.AGENT_RUNS, "outcome", "succeeded")).isEqualTo(1.0);
            assertThat(sum(pushed, Meters.AGENT_TOKENS, "kind", "input")).isEqualTo(120.0);
            assertThat(sum(pushed, Meters.AGENT_TOKENS, "kind", "output")).isEqualTo(9.0);
            assertThat(count(pushed, Meters.AGENT_RUN_DURATION, "outcome", "succeeded"))
                    .isEqualTo(1);
            assertThat(count(pushed, Meters.AGENT_LLM_CALL_DURATION, "model", "scripted"))
                    .isEqualTo(1);
            assertThat(count(pushed, Meters.AGENT_TOOL_CALL_DURATION, "tool", "web_fetch"))
                    .isEqualTo(1);
        }
    }

    private static double sum(Map<String, Metric> metrics, MeterName meter, String tag, String value) {
        return metrics.get(meter.name()).getSum().getDataPointsList().stream()
                .filter(point ->
                        value.equals(attributes(point.getAttributesList()).get(tag)))
                .mapToDouble(NumberDataPoint::getAsDouble)
                .sum();
    }

    private static long count(Map<String, Metric> metrics, MeterName meter, String tag, String value) {
        return metrics.get(meter.name()).getHistogram().getDataPointsList().stream()
                .filter(point ->
                        value.equals(attributes(point.getAttributesList()).get(tag)))
                .mapToLong(point -> point.getCount())
                .sum();
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        return attributes.stream()
                .collect(Collectors.toMap(KeyValue::getKey, kv -> kv.getValue().getStringValue()));
    }
}
