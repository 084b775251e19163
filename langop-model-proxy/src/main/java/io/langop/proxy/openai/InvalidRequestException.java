package io.langop.proxy.openai;

/** A request the proxy refuses before anything is sent upstream; carries the error to answer with. */
public class InvalidRequestException extends RuntimeException {

    private final transient ApiError error;

    public InvalidRequestException(ApiError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public static InvalidRequestException of(String message, String param) {
        return new InvalidRequestException(ApiError.invalidRequest(message, param, null));
    }

    public ApiError error() {
        return error;
    }
}
