package io.langop.sdk.memory.spi;

/** A key as listed, without its content. */
public record StoredEntry(String key, String contentType, long size) {}
