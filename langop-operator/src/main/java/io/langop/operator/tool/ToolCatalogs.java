package io.langop.operator.tool;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Condition;
import io.langop.api.v1alpha1.tool.AvailableTool;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.kit.catalog.CatalogTool;
import io.langop.sdk.mcp.McpTools;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tool server's catalog as {@code LanguageTool.status} records it ({@code availableTools} and the
 * {@code ToolsListed} condition), as agents' synthesis and checks read it.
 */
public final class ToolCatalogs {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What an agent can know of a tool's catalog now. */
    public sealed interface Catalog {}

    /** Listed for the tool's current spec. */
    public record Known(List<CatalogTool> tools) implements Catalog {}

    /** Being listed: an agent waits for it, so that it is written once, with the catalog. */
    public record Awaited(String why) implements Catalog {}

    /** Could not be listed: an agent is written without it. */
    public record Unavailable(String why) implements Catalog {}

    private ToolCatalogs() {}

    public static Catalog of(LanguageTool tool) {
        Optional<Condition> listed = listedCondition(tool);
        if (listed.isEmpty()) {
            return new Awaited("not listed yet");
        }
        Condition condition = listed.get();
        if (!Objects.equals(
                condition.getObservedGeneration(), tool.getMetadata().getGeneration())) {
            return new Awaited("being listed again after a change of its spec");
        }
        if ("True".equals(condition.getStatus())) {
            return new Known(tools(tool));
        }
        return "ListingFailed".equals(condition.getReason())
                ? new Unavailable(condition.getMessage())
                : new Awaited(condition.getMessage());
    }

    /** The {@code ToolsListed} condition of the tool's stored status. */
    static Optional<Condition> listedCondition(LanguageTool tool) {
        return tool.getStatus() == null || tool.getStatus().getConditions() == null
                ? Optional.empty()
                : tool.getStatus().getConditions().stream()
                        .filter(c -> ToolListing.TOOLS_LISTED.equals(c.getType()))
                        .findFirst();
    }

    /** The tools the status records, whatever generation they were listed for. */
    static List<CatalogTool> tools(LanguageTool tool) {
        return Objects.requireNonNullElse(tool.getStatus().getAvailableTools(), List.<AvailableTool>of()).stream()
                .map(available -> new CatalogTool(
                        available.getName(),
                        available.getDescription(),
                        available.getInputSchema(),
                        Optional.ofNullable(available.getOutputSchema())))
                .toList();
    }

    /** A tool as its server listed it, for the status. */
    static AvailableTool of(McpTools.ListedTool listed) {
        return new AvailableTool(
                listed.name(),
                listed.description(),
                JSON.valueToTree(listed.inputSchema()),
                listed.outputSchema().isEmpty() ? null : JSON.valueToTree(listed.outputSchema()));
    }
}
