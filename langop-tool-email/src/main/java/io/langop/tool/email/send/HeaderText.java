package io.langop.tool.email.send;

import io.langop.tool.email.InvalidParameterException;

/** Guards values that end up in message headers. */
final class HeaderText {

    private HeaderText() {}

    /**
     * A CR or LF inside a header value would let the caller start new headers (a Bcc to anyone, a forged
     * From) or the body: refuse it instead of trying to clean it.
     */
    static String requireSingleLine(String parameter, String value) {
        if (value != null && value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new InvalidParameterException(
                    parameter, "line breaks (CR/LF) are not allowed in email header fields");
        }
        return value;
    }
}
