package io.langop.proxy.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * A message body gathered from its chunks up to a limit: each chunk is copied once, and when the announced
 * length was right the finished body is handed over without another copy.
 */
public final class BoundedBody {

    private final long limit;
    private final ByteBuf bytes;

    /** @param announcedLength the {@code Content-Length}, or negative when there is none */
    public BoundedBody(long limit, long announcedLength) {
        this.limit = limit;
        this.bytes = Unpooled.buffer(announcedLength > 0 && announcedLength <= limit ? (int) announcedLength : 256);
    }

    /** Adds {@code chunk}, or nothing and false when it would take the body over the limit. */
    public boolean add(ByteBuf chunk) {
        if (bytes.readableBytes() + (long) chunk.readableBytes() > limit) {
            return false;
        }
        bytes.writeBytes(chunk);
        return true;
    }

    public long limit() {
        return limit;
    }

    public byte[] toArray() {
        return ByteBufUtil.getBytes(bytes, bytes.readerIndex(), bytes.readableBytes(), false);
    }
}
