package io.langop.tool.web.search;

/** One hit: its title and the URL it points to (never a search engine's redirect wrapper). */
public record SearchResult(String title, String url) {}
