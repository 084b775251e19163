package io.langop.kit.catalog;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The tools an agent will have: the catalogs of every tool server it references, merged. A catalog is
 * complete when every server's listing is known; with an incomplete one a tool name that is not listed
 * may still exist, so only what is listed can be checked.
 *
 * @param unlisted the servers whose tools are not known, each with why (e.g. {@code "mailer: connection
 *     refused"}); empty for a complete catalog
 */
public record ToolCatalog(List<CatalogTool> tools, List<String> unlisted) {

    /** Nothing known about the agent's tools: checks of tool names are skipped. */
    public static final ToolCatalog UNKNOWN = new ToolCatalog(List.of(), List.of("the agent's tools are not known"));

    public ToolCatalog {
        tools = List.copyOf(tools);
        unlisted = List.copyOf(unlisted);
    }

    /** A catalog known to hold every tool the agent will have. */
    public static ToolCatalog of(List<CatalogTool> tools) {
        return new ToolCatalog(tools, List.of());
    }

    public boolean complete() {
        return unlisted.isEmpty();
    }

    public Optional<CatalogTool> tool(String name) {
        return tools.stream().filter(tool -> tool.name().equals(name)).findFirst();
    }

    /** {@code web_search(query, max_results?), web_fetch(url)}: the valid choices a diagnostic lists. */
    public String choices() {
        return tools.isEmpty()
                ? "no tools"
                : tools.stream().map(CatalogTool::signature).collect(Collectors.joining(", "));
    }
}
