package io.langop.kit.check;

import io.langop.wire.AgentFiles;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The verdict on an agent source: diagnostics (empty when it passed) and, when it passed, the compiled
 * classes and the name of the class implementing {@link io.langop.sdk.agent.LangopAgent}.
 */
public record CheckResult(List<Diagnostic> diagnostics, Map<String, byte[]> classes, Optional<String> agentClassName) {

    public CheckResult {
        diagnostics = List.copyOf(diagnostics);
        classes = Map.copyOf(classes);
    }

    static CheckResult refused(List<Diagnostic> diagnostics) {
        return new CheckResult(diagnostics, Map.of(), Optional.empty());
    }

    public boolean passed() {
        return diagnostics.isEmpty();
    }

    /** A loader for the compiled classes; only meaningful when the check passed. */
    public ClassLoader classLoader(ClassLoader parent) {
        if (!passed()) {
            throw new IllegalStateException("the source did not pass the check:\n" + report(AgentFiles.CODE_FILE));
        }
        return new ClassLoader("agent-code", parent) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }

    public String report(String fileName) {
        return diagnostics.stream()
                .map(diagnostic -> diagnostic.format(fileName))
                .collect(Collectors.joining("\n"));
    }
}
