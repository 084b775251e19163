package io.langop.console.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.console.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginSessionsTest {

    private final MutableClock clock = new MutableClock();
    private final User ann = new User("keys:ann", "ann", "keys");

    @Test
    void aSessionEndsAfterItsTtlWithoutUseAndUseKeepsItAlive() {
        LoginSessions sessions = new LoginSessions(Duration.ofMinutes(30), 5, clock);
        String used = sessions.open(ann);
        String idle = sessions.open(ann);

        clock.advance(Duration.ofMinutes(20));
        assertThat(sessions.user(used)).hasValue(ann);
        clock.advance(Duration.ofMinutes(20));

        assertThat(sessions.user(used)).hasValue(ann);
        assertThat(sessions.user(idle)).isEmpty();
    }

    @Test
    void signingInBeyondTheConcurrentSessionsEndsTheLeastRecentlyUsedOne() {
        LoginSessions sessions = new LoginSessions(Duration.ofHours(1), 2, clock);
        String first = sessions.open(ann);
        clock.advance(Duration.ofSeconds(1));
        String second = sessions.open(ann);
        clock.advance(Duration.ofSeconds(1));
        sessions.user(first);

        String third = sessions.open(ann);

        assertThat(sessions.user(second)).isEmpty();
        assertThat(sessions.user(first)).hasValue(ann);
        assertThat(sessions.user(third)).hasValue(ann);
    }

    @Test
    void apiKeysNameTheirUsersAndUnknownKeysNobody() {
        ApiKeys keys = new ApiKeys().add("team", "# owners\nann: sk-ann\nsk-anonymous-ci\n");

        assertThat(keys.user("sk-ann")).hasValue(new User("team:ann", "ann", "team"));
        assertThat(keys.user("sk-anonymous-ci")).hasValue(new User("team:team-3", "team-3", "team"));
        assertThat(keys.user("sk-other")).isEmpty();
        assertThat(keys.user("ann")).isEmpty();
    }
}
