package io.langop.operator.kube;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.langop.api.v1alpha1.LogLevel;
import io.langop.api.v1alpha1.client.LogFormat;
import io.langop.wire.ServiceWire;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A spec's log level and format as the variables every langop process reads at start ({@code LOG_LEVEL},
 * {@code LOG_FORMAT}). Only what differs from the processes' own defaults (info, text) is set, so a spec that
 * leaves them alone keeps the pod template it had.
 */
public final class LogSettings {

    private LogSettings() {}

    public static List<EnvVar> env(LogLevel level, LogFormat format) {
        List<EnvVar> env = new ArrayList<>(2);
        if (level != null && level != LogLevel.INFO) {
            env.add(new EnvVar(ServiceWire.LOG_LEVEL_ENV, level.name().toLowerCase(Locale.ROOT), null));
        }
        if (format == LogFormat.JSON) {
            env.add(new EnvVar(ServiceWire.LOG_FORMAT_ENV, "json", null));
        }
        return env;
    }
}
