package io.langop.tool.email.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.kit.trigger.SignedEventPoster;
import io.langop.server.metrics.MeterRegistries;
import io.langop.server.telemetry.Telemetry;
import io.langop.trace.OtlpReceiver;
import io.langop.trace.OtlpReceiver.ReceivedSpan;
import io.langop.wire.MailTriggers;
import io.langop.wire.TelemetryEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mail delivery as a trace: named by the agent and trigger it goes to, its request carrying the trace. */
class EventDeliveryTest {

    @TempDir
    Path secrets;

    @Test
    void aMailDeliveryIsTracedUnderTheAgentsNameAndNamespaceAndItsRequestCarriesTheTrace() throws Exception {
        Files.writeString(secrets.resolve("0"), "0123456789abcdef".repeat(4));
        List<ReceivedSpan> spans;
        try (AgentWebhookStandIn agent = new AgentWebhookStandIn();
                OtlpReceiver collector = new OtlpReceiver()) {
            Subscriber triage = new Subscriber(
                    new MailTriggers.Subscription("shop/triage", agent.endpoint(), "0", null, null, null),
                    secrets.resolve("0"));
            try (Telemetry tracing =
                    Telemetry.start("inbox", Map.of(TelemetryEnv.OTLP_ENDPOINT, collector.endpoint()))) {
                assertThat(new EventDelivery(Clock.systemUTC(), EventDelivery.RETRY, MeterRegistries.prometheus())
                                .deliver(triage, new MailEvent("INBOX:1796556709:12", "{\"id\":\"x\"}"), () -> false))
                        .isEqualTo(SignedEventPoster.Outcome.DELIVERED);
            }
            spans = collector.spans();

            ReceivedSpan delivery = spans.stream()
                    .filter(span -> span.name().equals("deliver triage/mail-inbox"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no delivery span among " + spans));
            assertThat(delivery.attributes())
                    .containsEntry("langop.agent", "triage")
                    .containsEntry("k8s.namespace.name", "shop")
                    .containsEntry("langop.trigger", "mail-inbox")
                    .containsEntry("langop.trigger.type", MailTriggers.TRIGGER_TYPE)
                    .containsEntry("cloudevents.event_id", "INBOX:1796556709:12")
                    .containsEntry("cloudevents.event_type", MailTriggers.EVENT_TYPE);
            assertThat(agent.requests())
                    .singleElement()
                    .satisfies(request ->
                            assertThat(request.headers().get("traceparent")).startsWith("00-" + delivery.traceId()));
        }
    }
}
