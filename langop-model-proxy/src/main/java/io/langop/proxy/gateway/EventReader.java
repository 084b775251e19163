package io.langop.proxy.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads an upstream's server-sent events as the SSE format defines them: lines end with LF, CR or CRLF; the
 * {@code data} lines of an event are joined by LF, {@code event} names it, a blank line ends it; comments and
 * other fields are skipped, and an event cut off by the end of the stream is dropped. Works on bytes throughout:
 * OpenAI-style events go on to the client as they came, so they are never decoded.
 */
final class EventReader {

    /**
     * @param name the {@code event} field, null when absent
     * @param data the {@code data} lines, joined by LF
     */
    @SuppressWarnings("ArrayRecordComponent") // the data goes on as read, without a copy; events are not compared
    record Event(String name, byte[] data) {}

    /**
     * Longest line and longest event accepted. A model's stream sends events of a few hundred bytes (tool call
     * arguments arrive in fragments too); an upstream that never ends a line must not fill the proxy's memory.
     */
    static final int MAX_EVENT_BYTES = 8 * 1024 * 1024;

    private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT = "event".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LF = {'\n'};

    private final InputStream in;
    /**
     * Token streams arrive in pieces of a few hundred bytes, which this holds at once; a longer line is gathered
     * across reads. (4 KiB was a fifth of all the proxy allocated per stream.)
     */
    private final byte[] buffer = new byte[1024];

    private int start;
    private int end;
    /** The last line ended with CR: an LF that follows belongs to it. */
    private boolean skipLf;
    /** The current line: a slice of {@link #buffer}, or the gathered {@link #longLine} when it spans reads. */
    private byte[] line;

    private int lineStart;
    private int lineLength;
    private final ByteArrayOutputStream longLine = new ByteArrayOutputStream();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream(256);

    EventReader(InputStream in) {
        this.in = in;
    }

    /** The next event, or null at the end of the stream. */
    Event next() throws IOException {
        String name = null;
        boolean hasData = false;
        data.reset();
        while (readLine()) {
            if (lineLength == 0) {
                if (hasData) {
                    return new Event(name, data.toByteArray());
                }
                name = null; // an event without data is not dispatched
                continue;
            }
            int colon = indexOf(':');
            if (colon == 0) {
                continue; // a comment, such as a keep-alive
            }
            int fieldLength = colon < 0 ? lineLength : colon;
            int value = colon < 0 ? lineLength : colon + 1;
            if (value < lineLength && line[lineStart + value] == ' ') {
                value++;
            }
            if (isField(DATA, fieldLength)) {
                if (hasData) {
                    append(data, LF, 0, 1, "an event");
                }
                append(data, line, lineStart + value, lineLength - value, "an event");
                hasData = true;
            } else if (isField(EVENT, fieldLength)) {
                name = new String(line, lineStart + value, lineLength - value, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Whether more of the stream has already arrived, so reading it will not wait. */
    boolean ready() {
        try {
            return start < end || in.available() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads the next whole line into {@link #line}; false at the end of the stream. */
    private boolean readLine() throws IOException {
        longLine.reset();
        while (true) {
            if (start == end && !fill()) {
                return false;
            }
            if (skipLf) {
                skipLf = false;
                if (buffer[start] == '\n') {
                    start++;
                    continue;
                }
            }
            for (int i = start; i < end; i++) {
                byte b = buffer[i];
                if (b == '\n' || b == '\r') {
                    if (longLine.size() == 0) {
                        line = buffer;
                        lineStart = start;
                        lineLength = i - start;
                    } else {
                        append(longLine, buffer, start, i - start, "a line");
                        line = longLine.toByteArray();
                        lineStart = 0;
                        lineLength = line.length;
                    }
                    start = i + 1;
                    skipLf = b == '\r';
                    return true;
                }
            }
            // No line end in what has arrived: keep it and read on.
            append(longLine, buffer, start, end - start, "a line");
            start = end;
        }
    }

    /** Appends to {@code target} what fits under {@link #MAX_EVENT_BYTES}; {@code what} names it in the error. */
    private static void append(ByteArrayOutputStream target, byte[] source, int from, int length, String what)
            throws IOException {
        if (target.size() + length > MAX_EVENT_BYTES) {
            throw new IOException("the upstream sent " + what + " longer than " + MAX_EVENT_BYTES + " bytes");
        }
        target.write(source, from, length);
    }

    private int indexOf(char c) {
        for (int i = 0; i < lineLength; i++) {
            if (line[lineStart + i] == c) {
                return i;
            }
        }
        return -1;
    }

    private boolean isField(byte[] field, int fieldLength) {
        return Arrays.equals(line, lineStart, lineStart + fieldLength, field, 0, field.length);
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read < 0) {
            return false;
        }
        start = 0;
        end = read;
        return true;
    }
}
