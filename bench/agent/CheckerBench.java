import io.langop.kit.check.CheckResult;
import io.langop.kit.check.CodeChecker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Prints how long the code checker takes on a synthesized-size agent: the first check in a fresh JVM
 * (what the runtime pays at start) and warm checks (what the operator's synthesis loop pays per attempt).
 * Usage: java -cp CLASSPATH CheckerBench.java Agent.java [warmRuns]
 */
public class CheckerBench {
    public static void main(String[] args) throws Exception {
        String source = Files.readString(Path.of(args[0]));
        int warmRuns = args.length > 1 ? Integer.parseInt(args[1]) : 30;

        long start = System.nanoTime();
        CodeChecker checker = CodeChecker.forRuntimeClasspath();
        CheckResult first = checker.check(source);
        double coldMs = (System.nanoTime() - start) / 1e6;
        if (!first.passed()) {
            throw new IllegalStateException("benchmark agent does not pass the check:\n" + first.report("Agent.java"));
        }

        double[] warm = new double[warmRuns];
        for (int i = 0; i < warmRuns; i++) {
            long t = System.nanoTime();
            checker.check(source);
            warm[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(warm);
        System.out.printf(
                "checker: %d lines, cold (new JVM, first check) %.0f ms%n",
                source.lines().count(), coldMs);
        System.out.printf(
                "checker: warm over %d checks: median %.0f ms, p90 %.0f ms, min %.0f ms%n",
                warmRuns, warm[warmRuns / 2], warm[(int) (warmRuns * 0.9)], warm[0]);
    }
}
