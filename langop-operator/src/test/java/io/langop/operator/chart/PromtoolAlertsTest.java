package io.langop.operator.chart;

import static io.langop.operator.chart.ChartRendering.dashboard;
import static io.langop.operator.chart.ChartRendering.groups;
import static io.langop.operator.chart.ChartRendering.prometheusRule;
import static io.langop.operator.chart.ChartRendering.render;
import static io.langop.operator.chart.ChartRendering.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart's PrometheusRule, as Helm renders it with the default values, through Prometheus's own {@code promtool}:
 * the rules are valid, and the unit tests of {@code chart/alerts.test.yaml} make each alert (failing agents, proxy
 * error rate, synthesis failures, budget exhaustion, rate limits) fire on series of the metrics the code exports and
 * stay quiet on series that must not fire it ({@code MonitoringChartTest} checks those series against the code); and
 * every query of the Grafana dashboard is PromQL that Prometheus parses.
 * Skipped, saying so, where promtool (Debian's {@code prometheus} package, which {@code .ci/run} installs) is missing.
 */
class PromtoolAlertsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PROMTOOL_TIMEOUT_SECONDS = 60;

    private static Path promtool;

    @TempDir
    Path directory;

    private Path rules;

    @BeforeAll
    static void findPromtool() {
        Optional<Path> found = Stream.of(
                        Objects.requireNonNullElse(System.getenv("PATH"), "").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry, "promtool"))
                .filter(Files::isExecutable)
                .findFirst();
        assumeTrue(
                found.isPresent(),
                "promtool is not on the PATH: the chart's alerts are not checked (apt-get install prometheus)");
        promtool = found.get();
    }

    /** The rendered rule's groups as a Prometheus rule file (JSON is YAML), as the Prometheus operator hands them over. */
    @BeforeEach
    void writeTheRenderedRules() throws IOException {
        rules = directory.resolve("rules.yaml");
        JSON.writeValue(
                rules.toFile(),
                Map.of("groups", groups(prometheusRule(render(Map.of("metrics.prometheusRule.enabled", "true"))))));
    }

    @Test
    void theRenderedRulesPassPromtoolsCheck() throws Exception {
        String output = promtool("check", "rules", rules.toString());

        assertThat(output).contains("SUCCESS: 7 rules found");
    }

    @Test
    void eachAlertFiresOnTheSeriesOfItsUnitTestsAndOnNoOther() throws Exception {
        Path unitTests = directory.resolve("alerts.test.yaml");
        Files.writeString(unitTests, unitTests());

        String output = promtool("test", "rules", unitTests.toString());

        assertThat(output).contains("SUCCESS");
    }

    /**
     * Every panel's query parses as PromQL: handed to promtool as a recording rule, with Grafana's variables set as
     * Grafana sets them ({@code $namespace} to the regex of "All").
     */
    @Test
    void everyQueryOfTheDashboardIsPromqlThatPromtoolParses() throws Exception {
        List<Map<String, String>> recorded = new ArrayList<>();
        for (JsonNode target : targets(dashboard(render(Map.of("metrics.grafanaDashboard.enabled", "true"))))) {
            String query = target.path("expr")
                    .asText()
                    .replace("$__rate_interval", "5m")
                    .replace("$__range", "1d")
                    .replace("$namespace", ".*");
            recorded.add(Map.of("record", "langop:dashboard_panel_" + recorded.size(), "expr", query));
        }
        Path queries = directory.resolve("dashboard-queries.yaml");
        JSON.writeValue(queries.toFile(), Map.of("groups", List.of(Map.of("name", "dashboard", "rules", recorded))));

        String output = promtool("check", "rules", queries.toString());

        assertThat(output).contains("SUCCESS: " + recorded.size() + " rules found");
        assertThat(recorded).hasSizeGreaterThan(15);
    }

    /** The unit tests, whose {@code rule_files} names {@code rules.yaml} in the same directory. */
    static String unitTests() throws IOException {
        try (InputStream in = PromtoolAlertsTest.class.getResourceAsStream("/chart/alerts.test.yaml")) {
            return new String(
                    Objects.requireNonNull(in, "chart/alerts.test.yaml").readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Runs promtool in the directory; its output, after asserting it exited 0 (the output says why not). */
    private String promtool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(promtool.toString());
        command.addAll(List.of(arguments));
        Path log = directory.resolve("promtool.log");
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(PROMTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(process.isAlive())
                .as("promtool still runs after %d s: %s", PROMTOOL_TIMEOUT_SECONDS, output)
                .isFalse();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
