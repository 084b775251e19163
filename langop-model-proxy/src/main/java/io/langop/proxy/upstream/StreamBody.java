package io.langop.proxy.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A streamed upstream body as an {@link InputStream}: the connection's event loop offers chunks as they arrive,
 * the request's thread reads them. When more than {@link #HIGH_WATER} bytes wait unread the connection stops
 * reading from the upstream (TCP then slows the upstream down) until the reader has caught up.
 * {@link #close()} before the end aborts the upstream request.
 */
final class StreamBody extends InputStream {

    static final int HIGH_WATER = 1024 * 1024;

    /** What the connection does for the body. */
    interface Connection {
        void pauseReading(boolean paused);

        void abort();
    }

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private byte[] current;
    private int position;
    private long queued;
    private boolean ended;
    private boolean closed;
    private boolean paused;
    private IOException failure;

    StreamBody(Connection connection) {
        this.connection = connection;
    }

    void offer(byte[] chunk) {
        if (chunk.length == 0) {
            return;
        }
        lock.lock();
        try {
            if (closed) {
                return;
            }
            chunks.add(chunk);
            queued += chunk.length;
            if (queued > HIGH_WATER && !paused) {
                paused = true;
                connection.pauseReading(true);
            }
            arrived.signal();
        } finally {
            lock.unlock();
        }
    }

    void end() {
        lock.lock();
        try {
            ended = true;
            arrived.signal();
        } finally {
            lock.unlock();
        }
    }

    void fail(IOException cause) {
        lock.lock();
        try {
            if (!ended) {
                failure = cause;
                ended = true;
            }
            arrived.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        lock.lock();
        try {
            while (current == null) {
                if (closed) {
                    throw new IOException("stream closed");
                }
                current = chunks.poll();
                position = 0;
                if (current != null) {
                    break;
                }
                if (ended) {
                    if (failure != null) {
                        throw failure;
                    }
                    return -1;
                }
                arrived.awaitUninterruptibly();
            }
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, target, offset, count);
            position += count;
            queued -= count;
            if (position == current.length) {
                current = null;
            }
            if (paused && queued < HIGH_WATER / 2) {
                paused = false;
                connection.pauseReading(false);
            }
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the upstream sent the whole body. */
    boolean complete() {
        lock.lock();
        try {
            return ended && failure == null;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes that can be read without waiting: what has arrived and is not read yet. */
    @Override
    public int available() {
        lock.lock();
        try {
            return (int) Math.min(Integer.MAX_VALUE, queued);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        boolean abort;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            // Once the whole body has arrived the connection has gone back to its pool: nothing left to abort.
            abort = !ended;
            chunks.clear();
            current = null;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        if (abort) {
            connection.abort();
        }
    }
}
