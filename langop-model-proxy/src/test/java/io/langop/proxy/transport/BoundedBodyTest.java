package io.langop.proxy.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    private static final int MIB = 1024 * 1024;

    @Test
    void takesNoMemoryForAnAnnouncedBodyBeforeItsBytesArrive() {
        BoundedBody body = new BoundedBody(4 * MIB, 4 * MIB);

        assertThat(body.capacity()).isZero();
        assertThat(body.toArray()).isEmpty();
    }

    @Test
    void holdsAtMostTwiceWhatArrivedOfALargeAnnouncedBody() {
        BoundedBody body = new BoundedBody(4 * MIB, 4 * MIB);

        for (int i = 0; i < 10; i++) {
            assertThat(body.add(chunk(1000, (byte) i))).isTrue();
            assertThat(body.capacity()).isLessThanOrEqualTo(2 * body.size());
        }
        assertThat(body.size()).isEqualTo(10_000);
    }

    @Test
    void endsAtExactlyTheAnnouncedLengthSoTheBodyIsHandedOverWithoutACopy() {
        BoundedBody body = new BoundedBody(MIB, 20_000);

        for (int i = 0; i < 20; i++) {
            body.add(chunk(1000, (byte) i));
        }

        assertThat(body.capacity()).isEqualTo(20_000);
        byte[] bytes = body.toArray();
        assertThat(bytes).hasSize(20_000);
        assertThat(bytes[19_999]).isEqualTo((byte) 19);
    }

    @Test
    void gathersABodyOfUnknownLengthUpToTheLimitAndRefusesMore() {
        BoundedBody body = new BoundedBody(2500, -1);

        assertThat(body.add(chunk(1000, (byte) 1))).isTrue();
        assertThat(body.add(chunk(1000, (byte) 2))).isTrue();
        assertThat(body.add(chunk(1000, (byte) 3))).isFalse();
        assertThat(body.add(chunk(500, (byte) 4))).isTrue();

        byte[] bytes = body.toArray();
        assertThat(bytes).hasSize(2500);
        assertThat(Arrays.copyOfRange(bytes, 2000, 2500)).containsOnly((byte) 4);
    }

    private static ByteBuf chunk(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return Unpooled.wrappedBuffer(bytes);
    }
}
