package io.langop.tool.email.connection;

/** A mail account login. {@link #toString()} never shows the password, so a logged record leaks nothing. */
public record Credentials(String user, String password) {

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=(hidden)]";
    }
}
