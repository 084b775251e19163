package io.langop.sdk.memory;

/** A document as listed: its key, content type and size in bytes. */
public record DocumentInfo(String key, String contentType, long size) {}
