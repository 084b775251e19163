package io.langop.tool.web.search;

import java.util.Objects;

/**
 * One hit: its title, the URL it points to (never a search engine's redirect wrapper) and the engine's
 * snippet of the page, empty when the engine gave none.
 */
public record SearchResult(String title, String url, String snippet) {

    public SearchResult {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(snippet, "snippet");
    }
}
