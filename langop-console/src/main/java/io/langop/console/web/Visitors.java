package io.langop.console.web;

import io.langop.console.auth.Access;
import io.langop.console.auth.User;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The user of an API request: the one its credentials name, else an anonymous one where anonymous use is allowed. */
final class Visitors {

    private final Access access;

    Visitors(Access access) {
        this.access = access;
    }

    Optional<User> of(HttpServletRequest request) {
        Optional<User> user = access.user(request);
        if (user.isEmpty() && access.anonymousAllowed()) {
            // a program without a key: its address is what its rate limits count
            return Optional.of(User.anonymous(request.getRemoteAddr()));
        }
        return user;
    }

    /** Whether the request names its user by a header, not by the cookie a browser adds on its own. */
    static boolean bearer(HttpServletRequest request) {
        return request.getHeader("Authorization") != null;
    }
}
