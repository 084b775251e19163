package io.langop.proxy.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLinesTest {

  @Test
  void splitsAtLfCrAndCrLfAsTheSseFormatSays() throws IOException {
    assertThat(lines("data: a\n\ndata: b\r\n\r\ndata: c\r\rlast", 4096))
        .containsExactly("data: a", "", "data: b", "", "data: c", "", "last");
  }

  @Test
  void keepsLinesWholeAcrossReadsIncludingSplitCharactersAndCrLf() throws IOException {
    String text = "data: {\"content\":\"héllo ✓ " + "x".repeat(10_000) + "\"}\r\n\r\ndata: [DONE]\r\n";
    // One byte per read: every multi-byte character and every CRLF is split between reads.
    assertThat(lines(text, 1)).containsExactly("data: {\"content\":\"héllo ✓ " + "x".repeat(10_000) + "\"}", "",
        "data: [DONE]");
  }

  @Test
  void saysWhetherMoreHasArrived() throws IOException {
    EventLines events = new EventLines(new ByteArrayInputStream("a\nb\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(events.ready()).isTrue();
    assertThat(events.readLine()).isEqualTo("a");
    assertThat(events.ready()).isTrue();
    assertThat(events.readLine()).isEqualTo("b");
    assertThat(events.ready()).isFalse();
    assertThat(events.readLine()).isNull();
  }

  private static List<String> lines(String text, int bytesPerRead) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    InputStream trickle = new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] target, int offset, int length) {
        return super.read(target, offset, Math.min(length, bytesPerRead));
      }
    };
    EventLines events = new EventLines(trickle);
    List<String> lines = new ArrayList<>();
    for (String line = events.readLine(); line != null; line = events.readLine()) {
      lines.add(line);
    }
    return lines;
  }
}
