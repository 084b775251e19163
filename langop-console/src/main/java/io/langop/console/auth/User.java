package io.langop.console.auth;

/**
 * Who is asking: {@code id} keys their history and their rate limits, {@code name} is what the page shows,
 * {@code provider} the way they signed in ({@code anonymous} for nobody in particular).
 */
public record User(String id, String name, String provider) {

    public static final String ANONYMOUS = "anonymous";

    public static User anonymous(String id) {
        return new User(ANONYMOUS + ":" + id, "Guest", ANONYMOUS);
    }

    public boolean isAnonymous() {
        return ANONYMOUS.equals(provider);
    }
}
