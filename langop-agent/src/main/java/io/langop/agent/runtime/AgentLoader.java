package io.langop.agent.runtime;

import io.langop.kit.check.CheckResult;
import io.langop.kit.check.CodeChecker;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an agent source file into an {@link AgentDefinition}: check (compile + policy), load the
 * compiled classes in their own class loader, instantiate the {@link LangopAgent} and call define().
 */
public final class AgentLoader {

    private static final Logger LOG = LoggerFactory.getLogger(AgentLoader.class);

    private final CodeChecker checker;

    public AgentLoader(CodeChecker checker) {
        this.checker = checker;
    }

    public AgentDefinition load(Path source) throws InvalidAgentException {
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
        try {
            Class<? extends LangopAgent> agentClass = result.classLoader(AgentLoader.class.getClassLoader())
                    .loadClass(result.agentClassName().orElseThrow())
                    .asSubclass(LangopAgent.class);
            return agentClass.getDeclaredConstructor().newInstance().define();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError invalid) {
            Throwable cause =
                    invalid instanceof java.lang.reflect.InvocationTargetException target ? target.getCause() : invalid;
            throw new InvalidAgentException("agent definition is invalid: " + cause.getMessage(), cause);
        }
    }
}
