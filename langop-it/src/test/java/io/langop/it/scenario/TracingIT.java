package io.langop.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.langop.it.harness.LocalClusterExtension;
import io.langop.it.harness.LocalWebSite;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.trace.OtlpReceiver;
import io.langop.trace.OtlpReceiver.ReceivedSpan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One traced run, end to end: a scheduled agent (its LanguageAgent's {@code spec.observability}) calls the web tool
 * in its sidecar over MCP and the model through the model proxy (its LanguageModel's {@code spec.observability}); the
 * three processes export to an OTLP receiver in the test, and their spans form one trace with the parents the W3C
 * trace context carried across each hop, up to the {@code traceparent} the scripted LLM received from the proxy.
 */
class TracingIT {

    private static final String NAMESPACE = "traced";
    private static final String PAGE = "<html><body><p>Kubernetes 1.99 enables sidecars by default.</p></body></html>";
    private static final String SUMMARY = "Sidecars are on by default in Kubernetes 1.99.";

    @RegisterExtension
    static final LocalClusterExtension cluster = new LocalClusterExtension();

    @Test
    void oneRunIsOneTraceAcrossTheAgentItsToolAndTheModelProxy() throws Exception {
        try (OtlpReceiver collector = new OtlpReceiver();
                ScriptedOpenAiServer llm = new ScriptedOpenAiServer();
                LocalWebSite site = LocalWebSite.serving(Map.of("/releases", PAGE))) {
            llm.otherwise(new ScriptedOpenAiServer.Text(SUMMARY, 10, 5));
            cluster.createNamespace(NAMESPACE);
            cluster.createAgentCode(
                    NAMESPACE,
                    "digest-code",
                    "agents/DigestAgent.java",
                    Map.of("PAGE_URL", site.url("/releases"), "OUTPUT_FILE", "digest.md"));
            cluster.applyResource(
                    "scenarios/traced-agent.yaml",
                    Map.of(
                            "NAMESPACE", NAMESPACE,
                            "LLM_URL", llm.baseUrl(),
                            "OTLP_ENDPOINT", collector.endpoint()));

            Job job = cluster.runCronJobOnce(NAMESPACE, "digest-agent");
            assertThat(LocalClusterExtension.outcome(job)).isEqualTo("Complete");

            // the agent exports as it exits, the sidecar as it stops, the proxy on its batch schedule (5 s)
            await("spans of the agent, its tool and the proxy")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> services(collector.spans()).containsAll(Set.of("digest", "web", "scripted")));
            List<ReceivedSpan> spans = collector.spans();

            ReceivedSpan run = single(spans, "digest", "run release-digest");
            assertThat(run.isRoot()).as("a scheduled run starts its trace").isTrue();
            assertThat(spans).as("one trace").extracting(ReceivedSpan::traceId).containsOnly(run.traceId());

            ReceivedSpan fetch = single(spans, "digest", "step fetch");
            ReceivedSpan summarize = single(spans, "digest", "step summarize");
            assertThat(List.of(fetch.parentSpanId(), summarize.parentSpanId())).containsOnly(run.spanId());

            ReceivedSpan toolCall = single(spans, "digest", "tools/call web_fetch");
            assertThat(toolCall.kind()).isEqualTo("CLIENT");
            assertThat(toolCall.parentSpanId()).isEqualTo(fetch.spanId());
            ReceivedSpan toolServer = single(spans, "web", "tools/call web_fetch");
            assertThat(toolServer.kind()).isEqualTo("SERVER");
            assertThat(toolServer.parentSpanId())
                    .as("the tool continues the call")
                    .isEqualTo(toolCall.spanId());

            ReceivedSpan modelCall = single(spans, "digest", "chat scripted");
            assertThat(modelCall.parentSpanId()).isEqualTo(summarize.spanId());
            assertThat(modelCall.attribute("gen_ai.usage.output_tokens")).isEqualTo("5");
            ReceivedSpan proxied = single(spans, "scripted", "POST /v1/chat/completions");
            assertThat(proxied.parentSpanId())
                    .as("the proxy continues the call")
                    .isEqualTo(modelCall.spanId());
            ReceivedSpan attempt = single(spans, "scripted", "chat scripted-model");
            assertThat(attempt.parentSpanId()).isEqualTo(proxied.spanId());
            assertThat(attempt.attribute("langop.proxy.attempt")).isEqualTo("1");

            assertThat(llm.traceparents())
                    .as("the upstream got the attempt's span as its parent, sampled")
                    .singleElement()
                    .satisfies(traceparent -> {
                        assertThat(traceparent).startsWith("00-" + run.traceId() + "-" + attempt.spanId() + "-");
                        assertThat(Integer.parseInt(traceparent.substring(53), 16) & 1)
                                .isEqualTo(1);
                    });
            assertThat(spans).noneMatch(ReceivedSpan::failed);
        }
    }

    private static Set<String> services(List<ReceivedSpan> spans) {
        return spans.stream().map(ReceivedSpan::service).collect(Collectors.toSet());
    }

    private static ReceivedSpan single(List<ReceivedSpan> spans, String service, String name) {
        List<ReceivedSpan> found = spans.stream()
                .filter(span -> span.service().equals(service) && span.name().equals(name))
                .toList();
        assertThat(found)
                .as("spans named '%s' of %s among %s", name, service, spans)
                .hasSize(1);
        return found.getFirst();
    }
}
