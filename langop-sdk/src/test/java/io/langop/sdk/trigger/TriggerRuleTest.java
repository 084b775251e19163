package io.langop.sdk.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriggerRuleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static IncomingEvent issue(String action) throws Exception {
        JsonNode payload = JSON.readTree("{\"action\":\"" + action + "\",\"issue\":{\"number\":7,\"title\":\"OOM\","
                + "\"labels\":[{\"name\":\"bug\"},{\"name\":\"p1\"}]},\"repository\":{\"full_name\":\"acme/shop\"}}");
        return new IncomingEvent(payload, Map.of("x-github-event", "issues"), Map.of());
    }

    @Test
    void aConditionThatIsTrueStartsARunWithThePayload() throws Exception {
        TriggerRule rule = TriggerRule.of(
                Map.of(), "event.action == 'opened' && event.issue.labels.exists(l, l.name == 'bug')", Map.of());

        var decision = rule.decide(issue("opened"));

        assertThat(decision).isInstanceOf(TriggerRule.Decision.Start.class);
        assertThat(((TriggerRule.Decision.Start) decision)
                        .event()
                        .path("issue")
                        .path("number")
                        .asInt())
                .isEqualTo(7);
    }

    @Test
    void aConditionThatIsFalseStartsNothingAndSaysWhy() throws Exception {
        TriggerRule rule = TriggerRule.of(Map.of(), "event.action == 'opened'", Map.of());

        assertThat(rule.decide(issue("closed"))).isEqualTo(new TriggerRule.Decision.Skip("condition is false"));
    }

    @Test
    void aConditionReadingAFieldTheEventLacksStartsNothing() throws Exception {
        TriggerRule rule = TriggerRule.of(Map.of(), "event.pull_request.merged", Map.of());

        assertThat(rule.decide(issue("opened"))).isInstanceOf(TriggerRule.Decision.Skip.class);
    }

    @Test
    void everyFilterEntryMustMatchOverPayloadHeadersAndCloudEventAttributes() throws Exception {
        TriggerRule rule = TriggerRule.of(
                Map.of("headers.x-github-event", "issues", "event.repository.full_name", "acme/shop"), null, Map.of());
        TriggerRule otherEvent = TriggerRule.of(Map.of("headers.x-github-event", "push"), null, Map.of());
        TriggerRule cloudEventType = TriggerRule.of(Map.of("ce.type", "com.acme.order.created"), null, Map.of());

        assertThat(rule.decide(issue("opened"))).isInstanceOf(TriggerRule.Decision.Start.class);
        assertThat(otherEvent.decide(issue("opened")))
                .isEqualTo(new TriggerRule.Decision.Skip("filter headers.x-github-event does not match"));
        assertThat(cloudEventType.decide(
                        new IncomingEvent(JSON.readTree("{}"), Map.of(), Map.of("type", "com.acme.order.created"))))
                .isInstanceOf(TriggerRule.Decision.Start.class);
        assertThat(cloudEventType.decide(issue("opened"))).isInstanceOf(TriggerRule.Decision.Skip.class);
    }

    @Test
    void aMappingMakesTheRunsEventFieldByFieldInTheOrderGiven() throws Exception {
        Map<String, String> mapping = new LinkedHashMap<>();
        mapping.put("repo", "event.repository.full_name");
        mapping.put("number", "event.issue.number");
        mapping.put("labels", "event.issue.labels.map(l, l.name)");
        mapping.put("kind", "headers['x-github-event']");

        var decision = TriggerRule.of(Map.of(), null, mapping).decide(issue("opened"));

        assertThat(((TriggerRule.Decision.Start) decision).event().toString())
                .isEqualTo("{\"repo\":\"acme/shop\",\"number\":7,\"labels\":[\"bug\",\"p1\"],\"kind\":\"issues\"}");
    }

    @Test
    void expressionsThatDoNotCompileAreRefusedWithWhereAndWhy() {
        Map<String, String> mapping = new LinkedHashMap<>();
        mapping.put("title", "event.issue.title +");

        assertThatThrownBy(() -> TriggerRule.of(Map.of("action", "opened"), "event.action == opened", mapping))
                .isInstanceOf(InvalidTriggerException.class)
                .hasMessageContaining(
                        "filter 'action': a key is a dotted path that starts with event., headers. or ce.")
                .hasMessageContaining("condition: column 17: undeclared reference to 'opened'")
                .hasMessageContaining("mapping.title: column ");
        assertThat(TriggerRule.problem(Map.of(), "event.issue.number + 1", Map.of()))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("condition: gives"));
        assertThat(TriggerRule.problem(Map.of(), "size(headers) > 0", Map.of())).isEmpty();
        assertThat(TriggerRule.problem(Map.of(), "ce.type = 'created'", Map.of()))
                .as("the example of docs/triggers.md")
                .hasValue("condition: column 9: token recognition error at: '= '; column 11: extraneous input"
                        + " ''created'' expecting <EOF>");
    }
}
