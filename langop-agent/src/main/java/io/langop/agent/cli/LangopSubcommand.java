package io.langop.agent.cli;

import java.util.Optional;

/**
 * A {@code langop} subcommand another module provides, found with {@link java.util.ServiceLoader}
 * when that module is on the class path: the CLI does not depend on it. An implementation is a
 * picocli {@code @Command} class with a public no-argument constructor, listed in {@code
 * META-INF/services/io.langop.agent.cli.LangopSubcommand}; e.g. {@code local} from langop-local,
 * which brings the operator, and the cluster commands of langop-cli.
 */
public interface LangopSubcommand {

    /**
     * The subcommand this one goes under ({@code run} for {@code langop run agent NAME}); empty for a subcommand of
     * {@code langop} itself.
     */
    default Optional<String> parent() {
        return Optional.empty();
    }
}
