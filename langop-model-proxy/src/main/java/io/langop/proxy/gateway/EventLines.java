package io.langop.proxy.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads an upstream's event stream line by line, as the SSE format defines lines: ended by LF, CR or CRLF, each
 * decoded as UTF-8. Works on bytes, so a stream costs one small buffer instead of a reader and a decoder.
 */
final class EventLines {

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

  EventLines(InputStream in) {
    this.in = in;
  }

  /** The next line without its terminator, or null at the end of the stream. */
  String readLine() throws IOException {
    ByteArrayOutputStream longLine = null;
    while (true) {
      if (start == end && !fill()) {
        if (longLine != null) {
          return longLine.toString(StandardCharsets.UTF_8);
        }
        return null;
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
          String line;
          if (longLine == null) {
            line = new String(buffer, start, i - start, StandardCharsets.UTF_8);
          } else {
            longLine.write(buffer, start, i - start);
            line = longLine.toString(StandardCharsets.UTF_8);
          }
          start = i + 1;
          skipLf = b == '\r';
          return line;
        }
      }
      // No terminator in what has arrived: keep it and read on (UTF-8 is decoded only once the line is whole).
      if (longLine == null) {
        longLine = new ByteArrayOutputStream();
      }
      longLine.write(buffer, start, end - start);
      start = end;
    }
  }

  /** Whether more of the stream has already arrived, so reading it will not wait. */
  boolean ready() {
    try {
      return start < end || in.available() > 0;
    } catch (IOException e) {
      return false;
    }
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
