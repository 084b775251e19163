package io.langop.console.auth;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /auth/*}: {@code POST /auth/key} signs in with an API key (a form field, never a URL parameter),
 * {@code GET /auth/oidc/<provider>} starts an OIDC sign-in, {@code GET /auth/callback} finishes it and
 * {@code POST /auth/logout} ends the session. Every outcome goes back to the page, which says what failed.
 */
public final class SignInServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(SignInServlet.class);
    /** How long a browser may take at its identity provider. */
    private static final Duration SIGN_IN_TIME = Duration.ofMinutes(10);
    /** Sign-ins started and not finished that are remembered; beyond it the oldest are dropped. */
    private static final int MAX_PENDING = 10_000;

    private record Pending(String provider, String nonce, String verifier, Instant started) {}

    private final Access access;
    private final Clock clock;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    public SignInServlet(Access access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (String.valueOf(request.getPathInfo())) {
            case "/key" -> {
                var user = access.apiKey(request.getParameter("key"));
                if (user.isEmpty()) {
                    LOG.info("refused a sign-in with an unknown API key from {}", request.getRemoteAddr());
                    response.sendRedirect("/?error=key");
                    return;
                }
                signedIn(request, response, user.get());
            }
            case "/logout" -> {
                access.sessions().close(access.cookie().read(request));
                access.cookie().clear(response);
                response.sendRedirect("/");
            }
            default -> response.sendError(404);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = String.valueOf(request.getPathInfo());
        if (path.startsWith("/oidc/")) {
            start(request, response, path.substring("/oidc/".length()));
        } else if (path.equals("/callback")) {
            finish(request, response);
        } else {
            response.sendError(404);
        }
    }

    private void start(HttpServletRequest request, HttpServletResponse response, String name) throws IOException {
        var provider = access.oidc(name);
        if (provider.isEmpty()) {
            response.sendError(404);
            return;
        }
        forgetStale();
        String state = Pkce.random();
        Pending sign = new Pending(name, Pkce.random(), Pkce.random(), clock.instant());
        try {
            URI redirect =
                    provider.get().authorizationRedirect(callback(request), state, sign.nonce(), sign.verifier());
            pending.put(state, sign);
            response.sendRedirect(redirect.toString());
        } catch (AuthenticationException unavailable) {
            LOG.warn("OIDC sign-in could not start: {}", unavailable.getMessage());
            response.sendRedirect("/?error=oidc");
        }
    }

    private void finish(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String state = request.getParameter("state");
        Pending sign = state == null ? null : pending.remove(state);
        String code = request.getParameter("code");
        if (sign == null || code == null || sign.started().plus(SIGN_IN_TIME).isBefore(clock.instant())) {
            LOG.info(
                    "refused an OIDC callback: unknown or expired sign-in, or no code ({})",
                    request.getParameter("error"));
            response.sendRedirect("/?error=oidc");
            return;
        }
        try {
            User user = access.oidc(sign.provider())
                    .orElseThrow()
                    .signIn(code, callback(request), sign.verifier(), sign.nonce());
            signedIn(request, response, user);
        } catch (AuthenticationException refused) {
            LOG.warn("OIDC sign-in refused: {}", refused.getMessage());
            response.sendRedirect("/?error=oidc");
        }
    }

    private void signedIn(HttpServletRequest request, HttpServletResponse response, User user) throws IOException {
        access.sessions().close(access.cookie().read(request));
        access.cookie().write(response, access.sessions().open(user));
        LOG.info("{} signed in with {}", user.name(), user.provider());
        response.sendRedirect("/");
    }

    private void forgetStale() {
        Instant oldest = clock.instant().minus(SIGN_IN_TIME);
        pending.values().removeIf(sign -> sign.started().isBefore(oldest));
        if (pending.size() >= MAX_PENDING) {
            pending.clear(); // a flood of unfinished sign-ins: the real ones start again
        }
    }

    /** This console's callback as the browser reaches it (behind a TLS-terminating ingress: its scheme). */
    static URI callback(HttpServletRequest request) {
        String scheme = request.getHeader("X-Forwarded-Proto");
        String host = request.getHeader("Host");
        return URI.create((scheme == null ? request.getScheme() : scheme) + "://"
                + (host == null ? request.getServerName() + ":" + request.getServerPort() : host)
                + "/auth/callback");
    }
}
