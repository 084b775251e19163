package io.langop.proxy.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * A message body gathered from its chunks up to a limit. Memory is taken as bytes arrive, never from the announced
 * length alone: a peer that announces a large body and sends none of it costs nothing, one that sends part of it
 * at most twice what it sent. The buffer grows by doubling but never past the announced length, so when that was
 * right the finished body is handed over without another copy.
 */
public final class BoundedBody {

    private static final byte[] EMPTY = new byte[0];
    private static final int MIN_CAPACITY = 64;
    /** The largest array a JVM makes. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final long limit;
    /** The most the buffer grows to: the announced length when it is within the limit, the limit otherwise. */
    private final int ceiling;

    private ByteBuf bytes;

    /** @param announcedLength the {@code Content-Length}, or negative when there is none */
    public BoundedBody(long limit, long announcedLength) {
        this.limit = Math.min(limit, MAX_ARRAY);
        long expected = announcedLength >= 0 && announcedLength <= limit ? announcedLength : limit;
        this.ceiling = (int) Math.min(Integer.MAX_VALUE, expected);
    }

    /** Adds {@code chunk}, or nothing and false when it would take the body over the limit. */
    public boolean add(ByteBuf chunk) {
        int arrived = chunk.readableBytes();
        if (arrived == 0) {
            return true;
        }
        long needed = size() + (long) arrived;
        if (needed > limit) {
            return false;
        }
        if (bytes == null) {
            bytes = Unpooled.buffer(grown(0, (int) needed), (int) limit);
        } else if (needed > bytes.capacity()) {
            bytes.capacity(grown(bytes.capacity(), (int) needed));
        }
        bytes.writeBytes(chunk);
        return true;
    }

    /** Twice the current room (at least what is needed), but not past the announced length while the body fits it. */
    private int grown(int current, int needed) {
        long doubled = Math.max(needed, Math.max(MIN_CAPACITY, 2L * current));
        return (int) Math.min(doubled, needed <= ceiling ? ceiling : limit);
    }

    /** Bytes gathered so far. */
    public int size() {
        return bytes == null ? 0 : bytes.readableBytes();
    }

    /** Bytes held: what has arrived and the room the buffer grew ahead of it. */
    public int capacity() {
        return bytes == null ? 0 : bytes.capacity();
    }

    public long limit() {
        return limit;
    }

    public byte[] toArray() {
        return bytes == null ? EMPTY : ByteBufUtil.getBytes(bytes, bytes.readerIndex(), bytes.readableBytes(), false);
    }
}
