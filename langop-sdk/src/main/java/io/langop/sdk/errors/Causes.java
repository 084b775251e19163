package io.langop.sdk.errors;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What went wrong, in words, from an exception and its causes: client libraries wrap the one informative
 * exception in others whose message is null or generic ("Client failed to initialize"), and a network
 * failure often has no message at all — a log line or status reading {@code UnresolvedAddressException:
 * null} tells nobody that a host name did not resolve.
 */
public final class Causes {

    private static final int MAX_LENGTH = 400;

    /**
     * Network failures, which often come without a message, in the words a person would use; subclasses
     * first. Each means the server could not be reached (or did not answer) at all.
     */
    private static final List<Map.Entry<Class<? extends Throwable>, String>> UNREACHABLE = List.of(
            Map.entry(UnresolvedAddressException.class, "the server's host name does not resolve"),
            Map.entry(UnknownHostException.class, "the server's host name does not resolve"),
            Map.entry(ConnectException.class, "the server refused the connection"),
            Map.entry(NoRouteToHostException.class, "no route to the server"),
            Map.entry(HttpConnectTimeoutException.class, "the server did not accept the connection in time"),
            Map.entry(HttpTimeoutException.class, "the server did not answer in time"),
            Map.entry(SocketTimeoutException.class, "the server did not answer in time"),
            Map.entry(ClosedChannelException.class, "the connection was closed"));

    private Causes() {}

    /**
     * The outermost meaningful message and the root cause: {@code "Client failed to initialize (cause:
     * ConnectException: connection refused)"}, or just the root when the outer exceptions only wrap it.
     */
    public static String describe(Throwable failure) {
        List<Throwable> chain = chain(failure);
        Throwable root = chain.getLast();
        String rootText = root.getClass().getSimpleName() + ": " + words(root);
        String outer = chain.stream()
                .limit(chain.size() - 1L)
                .map(Throwable::getMessage)
                .filter(message -> message != null
                        && !message.isBlank()
                        && !message.contains(root.getClass().getName())
                        && !message.equals(root.getMessage()))
                .findFirst()
                .orElse(null);
        String text = outer == null ? rootText : outer + " (cause: " + rootText + ")";
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }

    /** Whether the failure, or one of its causes, is that the server could not be reached or did not answer. */
    public static boolean isUnreachable(Throwable failure) {
        return chain(failure).stream()
                .anyMatch(cause ->
                        UNREACHABLE.stream().anyMatch(known -> known.getKey().isInstance(cause)));
    }

    /** The failure and its causes, outermost first (a cause that repeats ends the chain). */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    private static String words(Throwable failure) {
        String message = failure.getMessage();
        if (message != null && !message.isBlank()) {
            return message;
        }
        return UNREACHABLE.stream()
                .filter(known -> known.getKey().isInstance(failure))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("no reason given");
    }
}
