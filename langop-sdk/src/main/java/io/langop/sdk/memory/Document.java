package io.langop.sdk.memory;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** A stored document: its key, content type and bytes. */
// The bytes are copied in and out and compared by content, so the array never escapes or breaks equality.
@SuppressWarnings("ArrayRecordComponent")
public record Document(String key, String contentType, byte[] content) {

    public Document {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contentType, "contentType");
        content = content.clone();
    }

    /** The content as UTF-8 text. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Document that
                && key.equals(that.key)
                && contentType.equals(that.contentType)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "Document[" + key + ", " + contentType + ", " + content.length + " bytes]";
    }
}
