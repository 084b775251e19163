package io.langop.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty itself answers around the servlets (a body over the size cap, a request that timed out): an
 * {@link OpenAiError}, the error shape every JSON client of these servers reads (OpenAI SDKs, the console's page,
 * agents), instead of Jetty's HTML page. Never a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {

    JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int status, String message, Throwable cause, Callback callback)
            throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON_UTF_8.asString());
        response.write(true, body(status, message), callback);
    }

    static ByteBuffer body(int status, String message) {
        String text = message == null || message.isBlank() ? HttpStatus.getMessage(status) : message;
        return ByteBuffer.wrap(
                OpenAiError.json(text, type(status), null, code(status)).getBytes(StandardCharsets.UTF_8));
    }

    private static String type(int status) {
        return status >= 500 ? "server_error" : "invalid_request_error";
    }

    private static String code(int status) {
        return switch (status) {
            case HttpStatus.PAYLOAD_TOO_LARGE_413 -> "request_too_large";
            case HttpStatus.REQUEST_TIMEOUT_408 -> "request_timeout";
            case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> "request_headers_too_large";
            default -> "http_" + status;
        };
    }
}
