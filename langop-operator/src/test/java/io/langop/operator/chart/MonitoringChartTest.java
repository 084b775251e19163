package io.langop.operator.chart;

import static io.langop.operator.chart.ChartRendering.all;
import static io.langop.operator.chart.ChartRendering.dashboard;
import static io.langop.operator.chart.ChartRendering.only;
import static io.langop.operator.chart.ChartRendering.prometheusRule;
import static io.langop.operator.chart.ChartRendering.render;
import static io.langop.operator.chart.ChartRendering.rules;
import static io.langop.operator.chart.ChartRendering.targets;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.langop.kit.trigger.SignedEventPoster;
import io.langop.sdk.agent.ConstraintViolationException;
import io.langop.sdk.agent.RunOutcome;
import io.langop.sdk.agent.RunUsage;
import io.langop.server.metrics.MeterBuilders;
import io.langop.server.metrics.MeterRegistries;
import io.langop.wire.MeterName;
import io.langop.wire.Meters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The chart's Grafana dashboard and PrometheusRule alerts, rendered by Helm: they query only series the code
 * exports, named by {@link Meters}, so that renaming a meter cannot leave a panel empty or an alert mute.
 */
class MonitoringChartTest {

    private static final Pattern METRIC = Pattern.compile("\\blangop_[a-z0-9_]+");
    private static final Pattern SAMPLE = Pattern.compile("(?m)^(langop_[a-z0-9_]+)[{ ]");
    private static final Map<String, String> BOTH_ON = Map.of(
            "metrics.grafanaDashboard.enabled", "true",
            "metrics.prometheusRule.enabled", "true");

    @Test
    void shipsNoDashboardAndNoAlertsUnlessAskedFor() {
        List<HasMetadata> objects = render(Map.of());

        assertThat(all(objects, ConfigMap.class))
                .noneMatch(map -> map.getMetadata().getName().endsWith("-dashboard"));
        assertThat(all(objects, GenericKubernetesResource.class))
                .noneMatch(resource -> resource.getKind().equals("PrometheusRule"));
    }

    @Test
    void theDashboardIsALabelledConfigMapGrafanaLoadsWithPanelsLinkingLatencyToTraces() throws Exception {
        List<HasMetadata> objects = render(BOTH_ON);
        ConfigMap dashboard = only(objects, ConfigMap.class);

        assertThat(dashboard.getMetadata().getName()).isEqualTo("langop-language-operator-dashboard");
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        JsonNode json = dashboard(objects);
        assertThat(json.path("uid").asText()).isEqualTo("langop-overview");
        List<JsonNode> targets = targets(json);
        assertThat(targets).hasSizeGreaterThan(15);
        assertThat(targets)
                .filteredOn(target -> target.path("expr").asText().contains("_seconds_bucket"))
                .as("every latency panel shows exemplars")
                .isNotEmpty()
                .allSatisfy(target ->
                        assertThat(target.path("exemplar").asBoolean()).isTrue());
    }

    @Test
    void theAlertsCoverFailingAgentsProxyErrorsSynthesisFailuresAndBudgetsWithTheThresholdsOfTheValues() {
        GenericKubernetesResource rule = prometheusRule(render(Map.of(
                "metrics.prometheusRule.enabled", "true",
                "metrics.prometheusRule.failedRunsPerHour", "5",
                "metrics.prometheusRule.alertLabels.team", "platform")));

        Map<String, String> alerts = rules(rule).stream()
                .collect(Collectors.toMap(alert -> (String) alert.get("alert"), alert -> (String) alert.get("expr")));
        assertThat(alerts)
                .containsKeys(
                        "LangopAgentRunsFailing",
                        "LangopModelProxyErrors",
                        "LangopSynthesisFailing",
                        "LangopBudgetExhausted",
                        "LangopRateLimited");
        assertThat(alerts.get("LangopAgentRunsFailing")).contains(">= 5");
        assertThat(alerts.get("LangopModelProxyErrors")).contains("> 0.05");
        assertThat(rules(rule))
                .allSatisfy(alert -> assertThat(alert.get("labels").toString()).contains("team=platform"));
        assertThat(rules(rule))
                .extracting(alert -> ((Map<?, ?>) alert.get("annotations")).get("summary"))
                .as("Prometheus's templates reach the rule as written")
                .allSatisfy(summary -> assertThat((String) summary).contains("{{ $"));
    }

    @Test
    void theDashboardAndTheAlertsQueryOnlySeriesTheCodeExports() throws Exception {
        List<HasMetadata> objects = render(BOTH_ON);
        List<String> queries = new ArrayList<>();
        JsonNode dashboard = dashboard(objects);
        targets(dashboard).forEach(target -> queries.add(target.path("expr").asText()));
        // the variables' queries: label_values(<series>, namespace)
        dashboard
                .path("templating")
                .path("list")
                .forEach(variable ->
                        queries.add(variable.path("query").path("query").asText()));
        rules(prometheusRule(objects)).forEach(alert -> queries.add((String) alert.get("expr")));

        Set<String> queried = new TreeSet<>();
        for (String query : queries) {
            Matcher metric = METRIC.matcher(query);
            while (metric.find()) {
                queried.add(metric.group());
            }
        }
        Set<String> exported = Meters.all().stream()
                .flatMap(meter -> meter.series().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(queried).hasSizeGreaterThan(15).isSubsetOf(exported);
    }

    /**
     * The series {@code alerts.test.yaml} feeds promtool ({@link PromtoolAlertsTest}) are series the code exports, with
     * the run outcomes the agents report: a unit test on made-up names would prove an alert that never fires.
     */
    @Test
    void thePromtoolUnitTestsFeedSeriesTheCodeExportsWithTheOutcomesTheAgentsReport() throws Exception {
        String unitTests = PromtoolAlertsTest.unitTests();
        Set<String> fed = new TreeSet<>();
        Matcher series = Pattern.compile("series: '(langop_[a-z0-9_]+)\\{").matcher(unitTests);
        while (series.find()) {
            fed.add(series.group(1));
        }
        Set<String> exported = Meters.all().stream()
                .flatMap(meter -> meter.series().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(fed)
                .containsExactlyInAnyOrder(
                        Meters.PROXY_RUNS.name() + "_total",
                        Meters.PROXY_REQUESTS.name() + "_total",
                        Meters.OPERATOR_SYNTHESES.name() + "_total",
                        Meters.TRIGGER_DELIVERIES.name() + "_total",
                        Meters.TRIGGER_DELIVERY_RETRIES.name() + "_total")
                .isSubsetOf(exported);
        assertThat(SignedEventPoster.Outcome.values())
                .allSatisfy(outcome -> assertThat(unitTests).contains("outcome=\"" + outcome.tag() + "\""));
        RunUsage none = RunUsage.NONE;
        assertThat(List.of(
                        new RunOutcome.Failed("run", "broken", none),
                        new RunOutcome.Succeeded("run", "done", true, Optional.empty(), none),
                        violated(ConstraintViolationException.Kind.TOKEN_BUDGET),
                        violated(ConstraintViolationException.Kind.COST_BUDGET),
                        violated(ConstraintViolationException.Kind.MAX_ITERATIONS)))
                .allSatisfy(outcome -> assertThat(unitTests).contains("result=\"" + outcome.kind() + "\""));
    }

    private static RunOutcome violated(ConstraintViolationException.Kind kind) {
        return new RunOutcome.ConstraintViolated("run", new ConstraintViolationException(kind, "limit"), RunUsage.NONE);
    }

    /** What {@link MeterName#series()} promises is what Micrometer's Prometheus registry serves. */
    @Test
    void everyListedMeterIsServedUnderTheSeriesItsNameListsWhenRegisteredTheWayTheCodeDoes() {
        PrometheusMeterRegistry registry = MeterRegistries.prometheus();
        for (MeterName meter : Meters.all()) {
            switch (meter.kind()) {
                case COUNTER -> MeterBuilders.counter(meter).register(registry).increment();
                case TIMER -> MeterBuilders.timer(meter).register(registry).record(Duration.ofMillis(3));
                case GAUGE -> Gauge.builder(meter.name(), () -> 1).register(registry);
            }
        }

        Set<String> served = new TreeSet<>();
        Matcher sample = SAMPLE.matcher(registry.scrape());
        while (sample.find()) {
            served.add(sample.group(1));
        }
        assertThat(served)
                .containsExactlyInAnyOrderElementsOf(Meters.all().stream()
                        .flatMap(meter -> meter.series().stream())
                        .toList());
    }
}
