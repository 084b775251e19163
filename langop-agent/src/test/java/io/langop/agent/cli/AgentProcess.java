package io.langop.agent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A real {@code langop} process on this test's class path, its output (stdout and stderr) in a log file. */
final class AgentProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private AgentProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code langop <arguments>} with {@code environment} added to this process's environment. */
    static AgentProcess start(Map<String, String> environment, Path log, String... arguments) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = Stream.concat(
                        Stream.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()),
                        Stream.of(arguments))
                .toList();
        ProcessBuilder launch = new ProcessBuilder(command);
        launch.environment().putAll(environment);
        Process process =
                launch.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new AgentProcess(process, log);
    }

    Process process() {
        return process;
    }

    /** The exit status, once the process ended within {@code seconds}. */
    int exitStatusWithin(long seconds) throws InterruptedException, IOException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("still running after " + seconds + " s; its log:\n" + log());
        }
        return process.exitValue();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
