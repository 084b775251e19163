package io.langop.tool.web.search;

import io.langop.tool.web.egress.FetchException;
import java.util.List;

/** Where {@code web_search} looks things up. */
public sealed interface SearchEngine permits DuckDuckGo, SearXng {

    /** At most {@code maxResults} results in the engine's order; empty when nothing matched. */
    List<SearchResult> search(String query, int maxResults) throws FetchException;
}
