package io.langop.sdk.memory;

import io.langop.sdk.memory.spi.Space;
import io.langop.sdk.memory.spi.StoredValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Files an agent keeps by key, with a content type: reports, downloaded pages, exports. Each holds at most
 * {@link MemoryLimits#maxDocumentBytes()} (5 MiB by default, {@code MEMORY_MAX_DOCUMENT_BYTES}).
 *
 * <pre>{@code
 * DocumentStore documents = Memory.current().documents();
 * documents.put("reports/" + date + ".md", "text/markdown", report);
 * for (DocumentInfo info : documents.list("reports/")) { ... }
 * }</pre>
 */
public final class DocumentStore {

    private static final Pattern CONTENT_TYPE = Pattern.compile("[A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+(; ?[ -~]*)?");

    private final BackendCalls calls;
    private final MemoryLimits limits;

    DocumentStore(BackendCalls calls, MemoryLimits limits) {
        this.calls = calls;
        this.limits = limits;
    }

    /** Stores text (UTF-8) under {@code key}, replacing what was there. */
    public void put(String key, String contentType, String text) {
        put(key, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Stores bytes under {@code key}, replacing what was there. */
    public void put(String key, String contentType, byte[] content) {
        MemoryKeys.check("document key", key);
        if (contentType == null || !CONTENT_TYPE.matcher(contentType).matches()) {
            throw new IllegalArgumentException("document '" + key + "': '" + contentType
                    + "' is not a content type such as text/markdown or application/json");
        }
        if (content.length > limits.maxDocumentBytes()) {
            throw new IllegalArgumentException("document '" + key + "' is " + content.length
                    + " bytes; a document holds at most " + limits.maxDocumentBytes() + " bytes");
        }
        StoredValue value = new StoredValue(content.clone(), contentType);
        calls.run("writing document '" + key + "'", () -> calls.backend().put(Space.DOCUMENTS, key, value));
    }

    public Optional<Document> get(String key) {
        MemoryKeys.check("document key", key);
        return calls.call(
                        "reading document '" + key + "'", () -> calls.backend().get(Space.DOCUMENTS, key))
                .map(value -> new Document(key, value.contentType(), value.content()));
    }

    /** @return whether the document was there */
    public boolean delete(String key) {
        MemoryKeys.check("document key", key);
        return calls.call(
                "deleting document '" + key + "'", () -> calls.backend().delete(Space.DOCUMENTS, key));
    }

    /** The documents whose keys start with {@code prefix} ("" for all), sorted by key. */
    public List<DocumentInfo> list(String prefix) {
        MemoryKeys.checkPrefix(prefix);
        return calls
                .call(
                        "listing documents '" + prefix + "*'",
                        () -> calls.backend().list(Space.DOCUMENTS, prefix))
                .stream()
                .map(entry -> new DocumentInfo(entry.key(), entry.contentType(), entry.size()))
                .toList();
    }
}
