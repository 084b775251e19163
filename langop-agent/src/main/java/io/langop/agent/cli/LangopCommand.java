package io.langop.agent.cli;

import io.langop.agent.runtime.ExitStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code langop}: run, validate and scaffold agents written against the langop SDK; further
 * subcommands come from the modules on the class path ({@link LangopSubcommand}).
 */
@Command(
        name = "langop",
        mixinStandardHelpOptions = true,
        versionProvider = LangopCommand.Version.class,
        description = "Run, validate and create langop agents; with langop-cli on the class path, create, list, "
                + "inspect and chat with the agents of a cluster or of langop local.",
        subcommands = {
            RunCommand.class,
            ValidateCommand.class,
            NewCommand.class,
            VersionCommand.class,
            ApprovalCommand.class,
            CompletionCommand.class
        })
public final class LangopCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A command line whose subcommands read {@code environment} instead of the process environment. */
    public static CommandLine commandLine(Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new LangopCommand(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == RunCommand.class) {
                    return type.cast(new RunCommand(environment));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
        for (LangopSubcommand extra : ServiceLoader.load(LangopSubcommand.class)) {
            CommandLine parent = extra.parent()
                    .map(name -> Objects.requireNonNull(
                            commandLine.getSubcommands().get(name), () -> "no langop subcommand " + name))
                    .orElse(commandLine);
            parent.addSubcommand(extra);
        }
        // -o yaml as well as -o YAML
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExitCodeExceptionMapper(failure -> ExitStatus.RUN_FAILED.code());
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** This build's version, e.g. {@code 0.1.0}: the tag of the images it goes with. */
    public static String version() {
        try (InputStream in = LangopCommand.class.getResourceAsStream("/langop-version.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException missing) {
            return "unknown";
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"langop " + version()};
        }
    }
}
