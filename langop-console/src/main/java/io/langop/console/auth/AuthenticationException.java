package io.langop.console.auth;

/** A sign-in or a token that did not pass; the message names the provider and the reason, never a credential. */
public final class AuthenticationException extends RuntimeException {

    public AuthenticationException(String message) {
        super(message);
    }
}
