package io.langop.sdk.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.langop.sdk.agent.Ceilings;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.agent.TimeLimit;
import io.langop.sdk.memory.MemoryLimits;
import io.langop.wire.AgentEnv;
import io.langop.wire.AgentFiles;
import io.langop.wire.AgentLimits;
import io.langop.wire.RunReport;
import io.langop.wire.ServiceWire;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runtime settings of an agent pod, read from the environment the operator sets. Precedence, highest
 * first: command-line flags (the CLI puts them over the environment under the same variable names),
 * environment variables, defaults.
 *
 * <table>
 * <tr><th>variable</th><th>meaning</th><th>default</th></tr>
 * <tr><td>MODEL_ENDPOINTS</td><td>comma list of OpenAI-compatible endpoints; the first is used
 *     ({@code /v1} is appended when the URL has no path)</td><td>OPENAI_ENDPOINT, else none</td></tr>
 * <tr><td>LLM_MODEL</td><td>comma list of model names; the first is used</td><td>gpt-4o-mini</td></tr>
 * <tr><td>OPENAI_API_KEY</td><td>API key sent to the endpoint (never logged)</td><td>a dummy key for the local proxy</td></tr>
 * <tr><td>MCP_SERVERS</td><td>comma list of MCP server URLs</td><td>MCP_URL, else none</td></tr>
 * <tr><td>AGENT_NAME</td><td>agent name for logs and the chat model id</td><td>the definition's name</td></tr>
 * <tr><td>AGENT_MODE</td><td>autonomous | scheduled | interactive | event-driven</td><td>the definition's mode</td></tr>
 * <tr><td>AGENT_CODE_PATH</td><td>the agent source, or the directory holding its {@code Agent.java}</td><td>/etc/agent/code/Agent.java</td></tr>
 * <tr><td>AGENT_INSTRUCTIONS_PATH</td><td>a UTF-8 file holding the instructions (the operator mounts them
 *     there)</td><td>none</td></tr>
 * <tr><td>AGENT_INSTRUCTIONS</td><td>the instructions inline, when there is no file; used as the single objective
 *     when there is no code</td><td>none</td></tr>
 * <tr><td>AGENT_TRIGGERS</td><td>the webhook triggers as JSON ({@link io.langop.wire.AgentTriggers}), each naming the
 * variable of its secret (never logged)</td><td>one {@code /webhook}</td></tr>
 * <tr><td>AGENT_WEBHOOK_SECRET</td><td>without AGENT_TRIGGERS: the HMAC key of {@code /webhook} (never logged)</td>
 * <td>none: unsigned</td></tr>
 * <tr><td>AGENT_EVENT_QUEUE</td><td>accepted events not yet run before a delivery is answered 429</td><td>100</td></tr>
 * <tr><td>AGENT_APPROVAL_TOKEN</td><td>bearer token the approval endpoints require (never logged)</td><td>none:
 *     nobody can decide on an approval</td></tr>
 * <tr><td>AGENT_CYCLE_PAUSE</td><td>pause between autonomous cycles (ISO-8601 or seconds)</td><td>30 s</td></tr>
 * <tr><td>AGENT_MAX_CYCLES</td><td>autonomous cycles before the agent idles</td><td>10</td></tr>
 * <tr><td>AGENT_IDLE_WHEN_DONE</td><td>an autonomous agent whose work is done keeps serving its health
 *     endpoints until stopped, so its Deployment does not restart it and repeat the work</td><td>true
 *     ({@code langop run FILE}: false, it exits)</td></tr>
 * <tr><td>AGENT_REPORT_RUNS</td><td>report each run's end to the model proxy (a langop proxy), where the
 *     operator counts executions</td><td>false</td></tr>
 * <tr><td>AGENT_CODE_HASH</td><td>the SHA-256 of the code the pod runs (the operator sets it): each run report
 *     carries it, so the operator can tell new code's failing first runs and roll it back</td><td>none</td></tr>
 * <tr><td>WORKSPACE_PATH</td><td>the workspace volume</td><td>/workspace</td></tr>
 * <tr><td>MEMORY_STORE</td><td>where memory is kept: workspace, redis, postgres, s3 (docs/memory.md)</td><td>workspace</td></tr>
 * <tr><td>MEMORY_URL</td><td>the memory store's connection string, from a Secret (never logged)</td><td>none</td></tr>
 * <tr><td>MEMORY_MAX_MESSAGES</td><td>turns kept per conversation</td><td>200</td></tr>
 * <tr><td>MEMORY_MAX_DOCUMENT_BYTES</td><td>the largest document an agent may store</td><td>5242880 (5 MiB)</td></tr>
 * <tr><td>AGENT_STOP_GRACE</td><td>how long a run (or chat request) that overstayed its timeout gets to
 *     stop once interrupted; one that does not ends the process with exit status 5 (ISO-8601 or
 *     seconds)</td><td>10 s</td></tr>
 * <tr><td>AGENT_TIMEOUT</td><td>the spec's time limit of one run (or chat request); the code's own, when
 *     lower, applies (ISO-8601, seconds, or 10m / 1h30m / 45s)</td><td>none</td></tr>
 * <tr><td>AGENT_MAX_ITERATIONS</td><td>the spec's limit of LLM turns per run; the code's own, when lower,
 *     applies</td><td>none</td></tr>
 * <tr><td>AGENT_LIMITS</td><td>the spec's other limits as JSON ({@link AgentLimits}): safety settings, rate limits,
 *     the persona's blocked topics; each is a ceiling over the code's</td><td>none</td></tr>
 * <tr><td>LLM_TIMEOUT</td><td>per-request LLM timeout (ISO-8601 or seconds)</td><td>300 s</td></tr>
 * <tr><td>PORT</td><td>HTTP port (health, metrics, chat, webhook)</td><td>8080</td></tr>
 * <tr><td>BIND_ADDRESS</td><td>the one IP address that port listens on, such as 127.0.0.1 (the server
 *     refuses anything but an IP literal)</td><td>every interface</td></tr>
 * </table>
 * {@code LOG_LEVEL} and {@code LOG_FORMAT} are read by the logging setup.
 */
public record AgentConfig(
        Optional<URI> modelEndpoint,
        String modelName,
        String apiKey,
        List<URI> mcpServers,
        Optional<String> agentName,
        Optional<ExecutionMode> mode,
        Path codePath,
        Optional<String> instructions,
        TriggerConfig triggers,
        Duration cyclePause,
        int maxCycles,
        Path workspace,
        MemoryConfig memory,
        Ceilings ceilings,
        Duration llmTimeout,
        Duration stopGrace,
        int port,
        Optional<String> bindAddress,
        boolean idleWhenDone,
        boolean reportRuns,
        Optional<String> codeHash,
        Optional<String> approvalToken) {

    public static final String DEFAULT_API_KEY = "sk-local-proxy-no-key";

    /** Fields a newer operator adds are ignored, so that an older runtime still starts. */
    private static final ObjectReader LIMITS_READER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .readerFor(AgentLimits.class);

    public static AgentConfig fromEnvironment() {
        return from(System.getenv());
    }

    public static AgentConfig from(Map<String, String> env) {
        return new AgentConfig(
                first(env, AgentEnv.MODEL_ENDPOINTS)
                        .or(() -> first(env, "OPENAI_ENDPOINT"))
                        .map(AgentConfig::apiRoot),
                first(env, AgentEnv.LLM_MODEL).orElse("gpt-4o-mini"),
                value(env, AgentEnv.OPENAI_API_KEY).orElse(DEFAULT_API_KEY),
                list(env, AgentEnv.MCP_SERVERS).or(() -> list(env, "MCP_URL")).orElse(List.of()).stream()
                        .map(URI::create)
                        .toList(),
                value(env, AgentEnv.AGENT_NAME),
                value(env, AgentEnv.AGENT_MODE).map(ExecutionMode::parse),
                Path.of(value(env, AgentEnv.AGENT_CODE_PATH).orElse(AgentFiles.CODE_PATH)),
                value(env, AgentEnv.AGENT_INSTRUCTIONS_PATH)
                        .flatMap(path -> text(AgentEnv.AGENT_INSTRUCTIONS_PATH, path))
                        .or(() -> value(env, AgentEnv.AGENT_INSTRUCTIONS)),
                TriggerConfig.from(env),
                value(env, AgentEnv.AGENT_CYCLE_PAUSE)
                        .map(AgentConfig::duration)
                        .orElse(Duration.ofSeconds(30)),
                value(env, AgentEnv.AGENT_MAX_CYCLES)
                        .map(text -> integer(AgentEnv.AGENT_MAX_CYCLES, text))
                        .orElse(10),
                Path.of(value(env, AgentEnv.WORKSPACE_PATH).orElse(AgentFiles.WORKSPACE_DIR)),
                memory(env),
                new Ceilings(
                        value(env, AgentEnv.AGENT_MAX_ITERATIONS).stream()
                                .mapToInt(text -> positive(AgentEnv.AGENT_MAX_ITERATIONS, text))
                                .findFirst(),
                        value(env, AgentEnv.AGENT_TIMEOUT).map(AgentConfig::duration),
                        value(env, AgentEnv.AGENT_LIMITS)
                                .map(AgentConfig::limits)
                                .orElse(AgentLimits.NONE)),
                value(env, AgentEnv.LLM_TIMEOUT).map(AgentConfig::duration).orElse(Duration.ofSeconds(300)),
                value(env, AgentEnv.AGENT_STOP_GRACE).map(AgentConfig::duration).orElse(TimeLimit.DEFAULT_STOP_GRACE),
                value(env, ServiceWire.PORT_ENV)
                        .map(text -> integer(ServiceWire.PORT_ENV, text))
                        .orElse(8080),
                value(env, ServiceWire.BIND_ADDRESS_ENV),
                value(env, AgentEnv.AGENT_IDLE_WHEN_DONE)
                        .map(text -> bool(AgentEnv.AGENT_IDLE_WHEN_DONE, text))
                        .orElse(true),
                value(env, AgentEnv.AGENT_REPORT_RUNS)
                        .map(text -> bool(AgentEnv.AGENT_REPORT_RUNS, text))
                        .orElse(false),
                value(env, AgentEnv.AGENT_CODE_HASH).map(text -> codeHash(text.strip())),
                value(env, AgentEnv.AGENT_APPROVAL_TOKEN));
    }

    /** Secrets are redacted so that the config can be logged. */
    @Override
    public String toString() {
        return "AgentConfig[modelEndpoint=" + modelEndpoint.map(URI::toString).orElse("none") + ", modelName="
                + modelName
                + ", apiKey=" + (apiKey.equals(DEFAULT_API_KEY) ? "default" : "***") + ", mcpServers=" + mcpServers
                + ", agentName=" + agentName.orElse("-") + ", mode="
                + mode.map(ExecutionMode::wireName).orElse("from code")
                + ", codePath=" + codePath + ", triggers=" + triggers
                + ", ceilings=" + ceilings + ", cyclePause=" + cyclePause + ", maxCycles=" + maxCycles + ", workspace="
                + workspace
                + ", memory=" + memory
                + ", llmTimeout=" + llmTimeout + ", stopGrace=" + stopGrace + ", port=" + port
                + ", bindAddress=" + bindAddress.orElse("every interface") + ", idleWhenDone=" + idleWhenDone
                + ", reportRuns=" + reportRuns + ", codeHash=" + codeHash.orElse("-") + ", approvalToken="
                + (approvalToken.isPresent() ? "***" : "none")
                + "]";
    }

    private static String codeHash(String text) {
        try {
            return RunReport.checkedCodeHash(text);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException(AgentEnv.AGENT_CODE_HASH + ": " + invalid.getMessage());
        }
    }

    /** The OpenAI API root: the proxy Service URL the operator passes has no path, the API lives under /v1. */
    static URI apiRoot(String url) {
        URI uri = URI.create(url.strip());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("model endpoint '" + url + "' is not an absolute http(s) URL");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        return path.isEmpty() || path.equals("/") ? URI.create(url.strip().replaceAll("/$", "") + "/v1") : uri;
    }

    /** Seconds ({@code 30}), ISO-8601 ({@code PT30S}), or hours, minutes and seconds as specs write them ({@code 1h30m}). */
    static Duration duration(String text) {
        String value = text.strip();
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            return Duration.parse(value.toUpperCase(Locale.ROOT).startsWith("P") ? value : "PT" + value);
        } catch (RuntimeException invalid) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration: use seconds (30), ISO-8601 (PT30S) or 1h30m / 5m / 45s");
        }
    }

    private static MemoryConfig memory(Map<String, String> env) {
        MemoryLimits limits = MemoryLimits.DEFAULT;
        Optional<Integer> turns =
                value(env, AgentEnv.MEMORY_MAX_MESSAGES).map(text -> positive(AgentEnv.MEMORY_MAX_MESSAGES, text));
        if (turns.isPresent()) {
            limits = limits.withMaxTurns(turns.get());
        }
        Optional<Integer> documentBytes = value(env, AgentEnv.MEMORY_MAX_DOCUMENT_BYTES)
                .map(text -> positive(AgentEnv.MEMORY_MAX_DOCUMENT_BYTES, text));
        if (documentBytes.isPresent()) {
            limits = limits.withMaxDocumentBytes(documentBytes.get());
        }
        return new MemoryConfig(
                value(env, AgentEnv.MEMORY_STORE)
                        .map(store -> store.toLowerCase(Locale.ROOT))
                        .orElse(MemoryConfig.DEFAULT.store()),
                value(env, AgentEnv.MEMORY_URL),
                value(env, AgentEnv.AGENT_NAMESPACE),
                limits);
    }

    private static AgentLimits limits(String json) {
        try {
            return LIMITS_READER.readValue(json);
        } catch (JsonProcessingException invalid) {
            throw new IllegalArgumentException(
                    AgentEnv.AGENT_LIMITS + " is not a JSON object of limits: " + invalid.getOriginalMessage());
        }
    }

    /** The stripped text of the file a variable names; empty when the file holds only blanks. */
    private static Optional<String> text(String name, String path) {
        try {
            return Optional.of(Files.readString(Path.of(path)).strip()).filter(text -> !text.isEmpty());
        } catch (IOException unreadable) {
            throw new IllegalArgumentException(name + "='" + path + "' cannot be read: " + unreadable);
        }
    }

    private static int positive(String name, String text) {
        int value = integer(name, text);
        if (value <= 0) {
            throw new IllegalArgumentException(name + "='" + text + "' is not a positive integer");
        }
        return value;
    }

    private static int integer(String name, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException invalid) {
            throw new IllegalArgumentException(name + "='" + text + "' is not an integer");
        }
    }

    private static boolean bool(String name, String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + "='" + text + "' is not true or false");
        };
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(text -> !text.isEmpty());
    }

    private static Optional<List<String>> list(Map<String, String> env, String name) {
        return value(env, name)
                .map(text -> Arrays.stream(text.split(","))
                        .map(String::strip)
                        .filter(item -> !item.isEmpty())
                        .toList())
                .filter(items -> !items.isEmpty());
    }

    private static Optional<String> first(Map<String, String> env, String name) {
        return list(env, name).map(List::getFirst);
    }
}
