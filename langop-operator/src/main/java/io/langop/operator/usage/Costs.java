package io.langop.operator.usage;

import io.langop.api.v1alpha1.CostMetrics;
import io.langop.api.v1alpha1.agent.ModelCost;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds the costs of several models: a total only of amounts in one currency (with several, each model's cost is
 * listed and the total is left out, since no exchange rate is known), and the latest reset among the proxies the
 * figures come from, so that {@code lastReset} says since when all of them count.
 */
final class Costs {

    private final List<ModelCost> perModel = new ArrayList<>();
    private BigDecimal total = BigDecimal.ZERO;
    private String currency;
    private boolean mixed;
    private Instant lastReset;

    void add(String model, BigDecimal cost, String modelCurrency, String since) {
        ModelCost entry = new ModelCost();
        entry.setModelName(model);
        entry.setCost(cost.doubleValue());
        entry.setCurrency(modelCurrency);
        perModel.add(entry);
        if (currency == null) {
            currency = modelCurrency;
        } else if (!currency.equals(modelCurrency)) {
            mixed = true;
        }
        total = total.add(cost);
        counting(since);
    }

    /** A proxy whose figures count, whether or not this client spent anything there. */
    void counting(String since) {
        Instant started = Instant.parse(since);
        if (lastReset == null || started.isAfter(lastReset)) {
            lastReset = started;
        }
    }

    List<ModelCost> perModel() {
        return perModel;
    }

    /** Fills {@code metrics} with the total, its currency and the last reset. */
    <M extends CostMetrics> M into(M metrics) {
        metrics.setTotalCost(mixed ? null : total.doubleValue());
        metrics.setCurrency(mixed ? null : currency);
        metrics.setLastReset(lastReset == null ? null : lastReset.toString());
        return metrics;
    }
}
