package io.langop.console.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in browsers: an unguessable token (the session cookie) per sign-in, forgotten after {@code ttl}
 * without use. A user holds at most {@code maxPerUser} at once; signing in once more ends their least recently
 * used one ({@code rateLimiting.concurrentSessions}).
 */
public final class LoginSessions {

    private record Login(User user, Instant lastSeen) {}

    private final Map<String, Login> byToken = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final int maxPerUser;
    private final Clock clock;

    public LoginSessions(Duration ttl, int maxPerUser, Clock clock) {
        this.ttl = ttl;
        this.maxPerUser = maxPerUser;
        this.clock = clock;
    }

    public String open(User user) {
        String token = Pkce.random();
        synchronized (this) {
            expire();
            while (byToken.values().stream()
                            .filter(login -> login.user().equals(user))
                            .count()
                    >= maxPerUser) {
                byToken.entrySet().stream()
                        .filter(entry -> entry.getValue().user().equals(user))
                        .min(Comparator.comparing(entry -> entry.getValue().lastSeen()))
                        .ifPresent(oldest -> byToken.remove(oldest.getKey()));
            }
            byToken.put(token, new Login(user, clock.instant()));
        }
        return token;
    }

    /** The user of a live token; each use restarts its idle time. */
    public Optional<User> user(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Login login = byToken.computeIfPresent(
                token, (key, found) -> expired(found, now) ? null : new Login(found.user(), now));
        return Optional.ofNullable(login).map(Login::user);
    }

    public void close(String token) {
        if (token != null) {
            byToken.remove(token);
        }
    }

    public int size() {
        return byToken.size();
    }

    private void expire() {
        Instant now = clock.instant();
        byToken.values().removeIf(login -> expired(login, now));
    }

    private boolean expired(Login login, Instant now) {
        return login.lastSeen().plus(ttl).isBefore(now);
    }
}
