package io.langop.sdk.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whoever listens learns the pending calls each time one starts or stops waiting. */
class ApprovalsPendingChangeTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);
    private final Approvals approvals = new Approvals(clock);
    private final List<List<String>> told = new ArrayList<>();

    @Test
    void listenersHearOfEachCallThatStartsOrStopsWaiting() throws Exception {
        approvals.onPendingChange(pending ->
                told.add(pending.stream().map(a -> a.id() + ":" + a.tool()).toList()));
        var arguments = new ObjectMapper().readTree("{\"to\":\"ops@example.com\",\"password\":\"hunter2\"}");

        Approvals.Entry mail =
                approvals.open("send_email", arguments, "run 1", clock.instant().plusSeconds(900));
        Approvals.Entry fetch =
                approvals.open("web_fetch", arguments, "run 1", clock.instant().plusSeconds(900));
        approvals.decide(mail.approval().id(), true, "ops", null);
        approvals.expire(fetch, "the run stopped");

        String m = mail.approval().id() + ":send_email";
        String f = fetch.approval().id() + ":web_fetch";
        assertThat(told).containsExactly(List.of(m), List.of(m, f), List.of(f), List.of());
        assertThat(mail.approval().arguments().toString()).doesNotContain("hunter2");
    }
}
