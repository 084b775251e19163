package io.langop.proxy.config;

/**
 * Prices for cost accounting, per 1,000 tokens (as in LanguageModel spec.costTracking).
 *
 * @param currency         ISO code, default USD; reported with every cost figure
 */
public record Pricing(String currency, Double inputPer1kTokens, Double outputPer1kTokens) {

    public static final Pricing FREE = new Pricing(null, null, null);

    public Pricing {
        currency = currency == null || currency.isBlank() ? "USD" : currency;
        inputPer1kTokens = inputPer1kTokens == null ? 0.0 : inputPer1kTokens;
        outputPer1kTokens = outputPer1kTokens == null ? 0.0 : outputPer1kTokens;
    }
}
