package io.langop.proxy.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventReaderTest {

    @Test
    void splitsLinesAtLfCrAndCrLfAsTheSseFormatSays() throws IOException {
        assertThat(events("data: a\n\ndata: b\r\n\r\ndata: c\r\rdata: cut off", 4096))
                .containsExactly("null:a", "null:b", "null:c");
    }

    @Test
    void joinsDataLinesNamesEventsAndSkipsCommentsAndOtherFields() throws IOException {
        String stream = """
                : keep-alive

                event: message_start
                id: 7
                data: {"a":
                data:1}

                retry: 100

                data

                data: [DONE]

                """;
        assertThat(events(stream, 4096)).containsExactly("message_start:{\"a\":\n1}", "null:", "null:[DONE]");
    }

    @Test
    void keepsLinesWholeAcrossReadsIncludingSplitCharactersAndCrLf() throws IOException {
        String data = "{\"content\":\"héllo ✓ " + "x".repeat(10_000) + "\"}";
        // One byte per read: every multi-byte character and every CRLF is split between reads.
        assertThat(events("event: delta\r\ndata: " + data + "\r\n\r\ndata: [DONE]\r\n\r\n", 1))
                .containsExactly("delta:" + data, "null:[DONE]");
    }

    @Test
    void refusesALineOrAnEventLongerThanItsLimit() {
        byte[] endless = new byte[EventReader.MAX_EVENT_BYTES + 1];
        Arrays.fill(endless, (byte) 'x');
        assertThatThrownBy(() -> new EventReader(new ByteArrayInputStream(endless)).next())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("line longer than");

        String line = "data: " + "x".repeat(1000) + "\n";
        String manyLines = line.repeat(EventReader.MAX_EVENT_BYTES / 1000 + 1);
        assertThatThrownBy(() ->
                        new EventReader(new ByteArrayInputStream(manyLines.getBytes(StandardCharsets.UTF_8))).next())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("event longer than");
    }

    @Test
    void saysWhetherMoreHasArrived() throws IOException {
        EventReader events =
                new EventReader(new ByteArrayInputStream("data: a\n\ndata: b\n\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(events.ready()).isTrue();
        assertThat(events.next().data()).asString(StandardCharsets.UTF_8).isEqualTo("a");
        assertThat(events.ready()).isTrue();
        assertThat(events.next().data()).asString(StandardCharsets.UTF_8).isEqualTo("b");
        assertThat(events.ready()).isFalse();
        assertThat(events.next()).isNull();
    }

    /** Each event as "name:data". */
    private static List<String> events(String text, int bytesPerRead) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] target, int offset, int length) {
                return super.read(target, offset, Math.min(length, bytesPerRead));
            }
        };
        EventReader reader = new EventReader(trickle);
        List<String> events = new ArrayList<>();
        for (EventReader.Event event = reader.next(); event != null; event = reader.next()) {
            events.add(event.name() + ":" + new String(event.data(), StandardCharsets.UTF_8));
        }
        return events;
    }
}
