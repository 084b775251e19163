package io.langop.proxy.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.proxy.config.Pricing;
import io.langop.proxy.report.UsageReport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class UsageLedgerTest {

    @Test
    void costIsPricePerThousandTokensSummedExactly() {
        Pricing pricing = new Pricing("USD", 0.0025, 0.01);

        assertThat(UsageLedger.cost(new TokenUsage(1000, 1000), pricing)).isEqualByComparingTo("0.0125");
        assertThat(UsageLedger.cost(new TokenUsage(1, 1), pricing)).isEqualByComparingTo("0.0000125");
        assertThat(UsageLedger.cost(new TokenUsage(0, 0), pricing)).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void talliesPerModelAndPerClient() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        UsageLedger ledger = new UsageLedger(registry);
        Pricing pricing = new Pricing("EUR", 0.1, 0.3);
        for (int i = 0; i < 10; i++) {
            ledger.recordAnswer("m", "agent-a", new TokenUsage(7, 3), pricing, false, 0);
        }
        ledger.recordAnswer("m", "agent-b", new TokenUsage(100, 0), pricing, false, 0);
        ledger.recordAnswer("m", "agent-b", TokenUsage.NONE, pricing, true, 0);
        ledger.recordError("m", "agent-a", 429);

        UsageReport snapshot = ledger.snapshot();
        UsageReport.Tally model = snapshot.models().get("m");
        assertThat(model.requests()).isEqualTo(12);
        assertThat(model.promptTokens()).isEqualTo(170);
        assertThat(model.completionTokens()).isEqualTo(30);
        // 10 x (7 x 0.1 + 3 x 0.3) / 1000 + 100 x 0.1 / 1000 = 0.016 + 0.01 — exactly, no float drift
        assertThat(model.cost()).isEqualByComparingTo("0.026");
        assertThat(model.currency()).isEqualTo("EUR");
        assertThat(model.cacheHits()).isEqualTo(1);
        assertThat(model.errors()).isEqualTo(1);
        assertThat(snapshot.clients().get("agent-a").cost()).isEqualByComparingTo("0.016");
        assertThat(snapshot.clients().get("agent-b").requests()).isEqualTo(2);
        assertThat(registry.get("langop_proxy_tokens")
                        .tags("model", "m", "client", "agent-a", "type", "prompt")
                        .counter()
                        .count())
                .isEqualTo(70.0);
    }
}
