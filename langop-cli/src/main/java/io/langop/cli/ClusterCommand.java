package io.langop.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.langop.wire.ServiceWire;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * A command that works on an API server: connects as {@link ClusterOptions} say, runs, and turns what went wrong
 * into one line on stderr and a {@link CliExit} code, never a stack trace.
 */
abstract class ClusterCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() throws InterruptedException {
        quietLibraries();
        KubernetesClient client;
        try {
            client = cluster.connect();
        } catch (CliFailure failure) {
            return fail(failure);
        } catch (KubernetesClientException unusable) {
            return fail(new CliFailure(CliExit.USAGE, "cannot use the kubeconfig: " + unusable.getMessage()));
        }
        try (client) {
            return run(client, client.getNamespace()).code();
        } catch (CliFailure failure) {
            return fail(failure);
        } catch (KubernetesClientException refused) {
            return fail(KubeErrors.of(refused, client.getMasterUrl().toString()));
        }
    }

    /** What the command does, in {@code namespace} unless it says otherwise. */
    abstract CliExit run(KubernetesClient client, String namespace) throws InterruptedException;

    /**
     * A command's output is its own: stdout holds what it prints (JSON for scripts), so whatever a library logs goes
     * to stderr, warnings and up, and not fabric8's note on every v1alpha1 kind it reads. {@code LOG_LEVEL} set (to
     * debug, say) keeps the levels it asks for.
     */
    private static void quietLibraries() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext logging)) {
            return;
        }
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.iteratorForAppenders().forEachRemaining(appender -> {
            if (appender instanceof ConsoleAppender<?> console) {
                console.stop();
                console.setTarget("System.err");
                console.start();
            }
        });
        if (System.getenv(ServiceWire.LOG_LEVEL_ENV) == null) {
            root.setLevel(Level.WARN);
            logging.getLogger("io.fabric8").setLevel(Level.ERROR);
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    private int fail(CliFailure failure) {
        err().println("langop " + spec.qualifiedName(" ").replaceFirst("^langop ", "") + ": " + failure.getMessage());
        err().flush();
        return failure.exit().code();
    }
}
