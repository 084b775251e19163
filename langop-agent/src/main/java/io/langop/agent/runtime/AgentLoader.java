package io.langop.agent.runtime;

import io.langop.kit.check.CheckResult;
import io.langop.kit.check.CodeChecker;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an agent source file into an {@link AgentDefinition} in two steps that never overlap: {@link
 * #check} compiles and checks the source and loads nothing, so no code of the agent (not even a static
 * initializer) runs before every check has passed; {@link #define} then loads the checked classes in
 * their own class loader, instantiates the {@link LangopAgent} and calls {@code define()}, bounded in
 * time.
 */
public final class AgentLoader {

    /** How long {@code define()} may take, static initializers included: it only describes the agent. */
    public static final Duration DEFINE_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(AgentLoader.class);

    private final CodeChecker checker;
    private final Duration defineTimeout;

    public AgentLoader(CodeChecker checker) {
        this(checker, DEFINE_TIMEOUT);
    }

    AgentLoader(CodeChecker checker, Duration defineTimeout) {
        this.checker = checker;
        this.defineTimeout = defineTimeout;
    }

    /** Checks, then defines: what {@code langop run} does with the agent's source. */
    public AgentDefinition load(Path source) throws InvalidAgentException {
        return define(check(source));
    }

    /** Compiles the source and checks it against the policy; no class of it is loaded. */
    public CheckResult check(Path source) throws InvalidAgentException {
        String code;
        try {
            code = Files.readString(source);
        } catch (IOException unreadable) {
            throw new InvalidAgentException(
                    "cannot read agent source " + source + ": " + unreadable.getMessage(), unreadable);
        }
        long start = System.nanoTime();
        CheckResult result = checker.check(code);
        LOG.info("Checked {} in {} ms", source.getFileName(), (System.nanoTime() - start) / 1_000_000);
        if (!result.passed()) {
            throw new InvalidAgentException("agent source refused:\n"
                    + result.report(source.getFileName().toString()));
        }
        return result;
    }

    /**
     * Loads the classes of a source that passed {@link #check} and calls {@code define()} on a thread of
     * its own, so that a static initializer or {@code define()} that never returns is reported instead
     * of hanging the caller. Such a thread cannot be stopped; it is a daemon, so it ends with the process.
     */
    public AgentDefinition define(CheckResult checked) throws InvalidAgentException {
        ClassLoader classes = checked.classLoader(AgentLoader.class.getClassLoader());
        String agentClassName = checked.agentClassName().orElseThrow();
        FutureTask<AgentDefinition> defining = new FutureTask<>(() -> classes.loadClass(agentClassName)
                .asSubclass(LangopAgent.class)
                .getDeclaredConstructor()
                .newInstance()
                .define());
        Thread.ofPlatform().daemon().name("agent-define").start(defining);
        try {
            return defining.get(defineTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stuck) {
            defining.cancel(true);
            throw new InvalidAgentException("agent definition is invalid: " + agentClassName
                    + ".define() (with its static initializers) did not return within " + defineTimeout.toMillis()
                    + " ms; it should only describe the agent");
        } catch (InterruptedException interrupted) {
            defining.cancel(true);
            Thread.currentThread().interrupt();
            throw new InvalidAgentException("interrupted while defining the agent", interrupted);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if ((cause instanceof java.lang.reflect.InvocationTargetException
                            || cause instanceof ExceptionInInitializerError)
                    && cause.getCause() != null) {
                cause = cause.getCause(); // what define() or the static initializer threw
            }
            throw new InvalidAgentException("agent definition is invalid: " + cause.getMessage(), cause);
        }
    }
}
