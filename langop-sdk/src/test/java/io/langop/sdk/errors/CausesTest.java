package io.langop.sdk.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.Test;

/** A failure in words: the meaningful outer message and the root cause, never {@code null}. */
class CausesTest {

    @Test
    void aMessagelessFailureIsExplainedByItsRootCause() {
        RuntimeException unresolved = new RuntimeException(null, new UnresolvedAddressException());
        RuntimeException refused = new IllegalStateException(null, new ConnectException());

        assertThat(Causes.describe(unresolved))
                .isEqualTo("UnresolvedAddressException: the server's host name does not resolve");
        assertThat(Causes.describe(refused)).isEqualTo("ConnectException: the server refused the connection");
        assertThat(Causes.isUnreachable(unresolved)).isTrue();
        assertThat(Causes.isUnreachable(refused)).isTrue();
    }

    @Test
    void anOuterMessageLeadsAndTheRootCauseFollows() {
        RuntimeException wrapped =
                new IllegalStateException("Client failed to initialize", new RuntimeException(new ConnectException()));

        assertThat(Causes.describe(wrapped))
                .isEqualTo("Client failed to initialize (cause: ConnectException: the server refused the connection)");
    }

    @Test
    void aFailureWithoutAnyReasonSaysSo() {
        RuntimeException silent = new IllegalStateException((String) null);

        assertThat(Causes.describe(silent)).isEqualTo("IllegalStateException: no reason given");
        assertThat(Causes.isUnreachable(silent)).isFalse();
    }
}
