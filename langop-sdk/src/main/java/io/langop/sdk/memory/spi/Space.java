package io.langop.sdk.memory.spi;

/** The two key spaces of stored values: an agent's small state between runs, and its documents. */
public enum Space {
    STATE("state"),
    DOCUMENTS("documents");

    private final String wireName;

    Space(String wireName) {
        this.wireName = wireName;
    }

    /** The name a backend stores the space under (a key prefix, a table column, a folder). */
    public String wireName() {
        return wireName;
    }
}
