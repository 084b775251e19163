package io.langop.server.logging;

import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * Encodes with another encoder, then takes out every secret {@link LogRedaction} holds: the text and JSON formats
 * alike, messages, arguments and stack traces alike.
 */
final class RedactingEncoder<E> extends EncoderBase<E> {

    private final Encoder<E> delegate;

    RedactingEncoder(Encoder<E> delegate) {
        this.delegate = delegate;
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(E event) {
        return LogRedaction.current().redact(delegate.encode(event));
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }

    @Override
    public void stop() {
        delegate.stop();
        super.stop();
    }
}
