package io.langop.console.dashboard;

import io.langop.api.v1alpha1.CostMetrics;
import java.util.Locale;

/** Numbers as the dashboard prints them: a dash for what is not known, money with its currency. */
final class Figures {

    static final String UNKNOWN = "–";

    private Figures() {}

    static String count(Number value) {
        return value == null ? UNKNOWN : String.format(Locale.ROOT, "%,d", value.longValue());
    }

    static String cost(CostMetrics cost) {
        if (cost == null || cost.getTotalCost() == null) {
            return UNKNOWN;
        }
        return money(cost.getTotalCost(), cost.getCurrency());
    }

    static String money(Double amount, String currency) {
        if (amount == null) {
            return UNKNOWN;
        }
        return String.format(Locale.ROOT, "%.4f", amount) + (currency == null ? "" : " " + currency);
    }

    /** A success rate as the operator writes it: a percentage from 0 to 100. */
    static String percent(Double rate) {
        return rate == null ? UNKNOWN : String.format(Locale.ROOT, "%.1f %%", rate);
    }

    static String millis(Number value) {
        return value == null ? UNKNOWN : value.longValue() + " ms";
    }
}
