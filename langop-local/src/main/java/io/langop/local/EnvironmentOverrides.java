package io.langop.local;

import java.util.Map;

/**
 * What the local machine puts in place of a container's own settings, after its environment is resolved and its
 * addresses localized: {@code langop local} points every email tool at the local mailbox this way. The suites of
 * langop-it run the containers as specified ({@link #NONE}).
 */
@FunctionalInterface
public interface EnvironmentOverrides {

    EnvironmentOverrides NONE = (image, env) -> env;

    /** The environment a container of {@code image} starts with, given the one its pod spec makes. */
    Map<String, String> apply(String image, Map<String, String> env);
}
