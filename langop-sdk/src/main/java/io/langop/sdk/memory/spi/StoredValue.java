package io.langop.sdk.memory.spi;

import java.util.Arrays;
import java.util.Objects;

/** What a backend keeps under a key: the bytes and their content type. */
// Compared by content; backends hand the array over and do not keep writing to it (an SPI record, not user-facing).
@SuppressWarnings("ArrayRecordComponent")
public record StoredValue(byte[] content, String contentType) {

    public StoredValue {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(contentType, "contentType");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredValue that
                && Arrays.equals(content, that.content)
                && contentType.equals(that.contentType);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(content) + contentType.hashCode();
    }

    @Override
    public String toString() {
        return "StoredValue[" + content.length + " bytes, " + contentType + "]";
    }
}
