package io.langop.operator.tool;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.langop.api.v1alpha1.tool.AvailableTool;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.reach.ServiceLocator;
import io.langop.sdk.errors.Causes;
import io.langop.sdk.mcp.McpTools;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a tool server's catalog — its MCP {@code tools/list}: names, descriptions, parameter and answer
 * schemas — once per generation of the LanguageTool, through the tool's Service (a sidecar tool through
 * the Service of its catalog pod, see {@link ToolDeployment}). A catalog read for the current generation
 * is not read again: an idle operator asks no server anything.
 *
 * <p>A server that does not answer yet (its pod is starting) is asked again after a pause that grows with
 * the time it has been silent, from 1 to 30 seconds; reconciles in between (a new tool's Deployment and
 * Service appearing wake several) do not ask it again, so a starting server is not hammered and no
 * reconcile thread waits out more timeouts than needed. For the first {@link #PATIENCE} the catalog is
 * {@linkplain Pending pending} and agents that use the tool wait for it, so they are written once, with the
 * catalog; after that it has {@linkplain Failed failed}, agents are written without it, and it is still
 * asked for every 30 seconds.
 */
final class ToolListing {

    /** The condition that tells whether {@code status.availableTools} is the current generation's catalog. */
    static final String TOOLS_LISTED = "ToolsListed";

    static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);
    /** Long enough for a running server, short enough not to hold a reconcile thread for long. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** Where the tool's catalog stands after a reconcile. */
    sealed interface State {}

    /** The catalog of the current generation. */
    record Listed(List<AvailableTool> tools, String message) implements State {}

    /** Not read yet for this generation; asked again after {@code retryAfter}. */
    record Pending(String message, Duration retryAfter) implements State {}

    /** Not read within {@link #PATIENCE}; asked again after {@code retryAfter}. */
    record Failed(String message, Duration retryAfter) implements State {}

    /** The unanswered attempts at one generation's catalog: since when, the last one (if one was made) and why. */
    private record Attempts(long generation, Instant since, Optional<Instant> last, String failure) {

        /** Half the time the server has been silent, within 1 and 30 seconds. */
        Duration pause() {
            Duration silent = Duration.between(since, last.orElse(since)).dividedBy(2);
            return silent.compareTo(FIRST_RETRY) < 0
                    ? FIRST_RETRY
                    : silent.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : silent;
        }
    }

    private final ServiceLocator services;
    private final Clock clock;
    private final Map<ResourceID, Attempts> attempts = new ConcurrentHashMap<>();

    ToolListing(ServiceLocator services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    /** Whether the tool's stored status holds the catalog of its current generation. */
    static boolean isCurrent(LanguageTool tool) {
        return ToolCatalogs.listedCondition(tool)
                .filter(c -> "True".equals(c.getStatus()))
                .filter(c -> Objects.equals(
                        c.getObservedGeneration(), tool.getMetadata().getGeneration()))
                .isPresent();
    }

    /**
     * The catalog as stored when it is current, else read now — unless the server was asked less than a
     * pause ago.
     *
     * @param serverStarted false while nothing serves the catalog yet (a catalog pod just asked for): no
     *     request is made
     */
    State refresh(LanguageTool tool, boolean serverStarted) {
        ResourceID id = ResourceID.fromResource(tool);
        if (isCurrent(tool)) {
            attempts.remove(id);
            return new Listed(
                    tool.getStatus().getAvailableTools(),
                    ToolCatalogs.listedCondition(tool).orElseThrow().getMessage());
        }
        long generation = Objects.requireNonNullElse(tool.getMetadata().getGeneration(), 0L);
        Instant now = clock.instant();
        Attempts stored = attempts.get(id);
        Attempts before = stored != null && stored.generation() == generation
                ? stored
                : new Attempts(generation, now, Optional.empty(), "not asked yet");
        if (!serverStarted) {
            attempts.put(id, before);
            return unanswered(new Attempts(
                    generation, before.since(), before.last(), "starting a catalog pod to list the sidecar's tools"));
        }
        Optional<Instant> nextTry = before.last().map(last -> last.plus(before.pause()));
        if (nextTry.isPresent() && now.isBefore(nextTry.get())) {
            return unanswered(before);
        }
        try {
            List<AvailableTool> tools = McpTools.listTools(endpoint(tool), TIMEOUT).stream()
                    .map(ToolCatalogs::of)
                    .toList();
            attempts.remove(id);
            return new Listed(tools, describe(tools));
        } catch (RuntimeException unanswered) {
            Attempts failed = new Attempts(
                    generation,
                    before.since(),
                    Optional.of(clock.instant()),
                    "the tool server did not list its tools: " + Causes.describe(unanswered));
            attempts.put(id, failed);
            return unanswered(failed);
        }
    }

    private State unanswered(Attempts attempts) {
        Instant now = clock.instant();
        Duration retry = attempts.last()
                .map(last -> Duration.between(now, last.plus(attempts.pause())))
                .filter(wait -> !wait.isNegative() && !wait.isZero())
                .orElse(FIRST_RETRY);
        return Duration.between(attempts.since(), now).compareTo(PATIENCE) < 0
                ? new Pending(attempts.failure(), retry)
                : new Failed(attempts.failure(), retry);
    }

    /** Where the operator asks for the catalog: the tool's Service, which a sidecar tool has while its catalog pod runs. */
    URI endpoint(LanguageTool tool) {
        return services.url(
                tool.getMetadata().getNamespace(),
                ToolEndpoint.serviceName(tool),
                ToolEndpoint.port(tool),
                ToolEndpoint.MCP_PATH);
    }

    private static String describe(List<AvailableTool> tools) {
        return tools.size() + " tool(s): "
                + String.join(", ", tools.stream().map(AvailableTool::getName).toList());
    }
}
