package io.langop.console.auth;

import io.langop.api.v1alpha1.client.CookieConfig;
import io.langop.api.v1alpha1.client.SameSite;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;

/** The session cookie as {@code session.cookieConfig} describes it (name, Secure, HttpOnly, SameSite, domain, path). */
public final class SessionCookie {

    private final String name;
    private final boolean secure;
    private final boolean httpOnly;
    private final String sameSite;
    private final String domain;
    private final String path;

    public SessionCookie(CookieConfig config) {
        CookieConfig given = config == null ? new CookieConfig() : config;
        this.name = Objects.requireNonNullElse(given.getName(), "session_id");
        this.secure = !Boolean.FALSE.equals(given.getSecure());
        this.httpOnly = !Boolean.FALSE.equals(given.getHttpOnly());
        this.sameSite = given.getSameSite() == null ? "Lax" : sameSite(given.getSameSite());
        this.domain = given.getDomain();
        this.path = Objects.requireNonNullElse(given.getPath(), "/");
    }

    public String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name)) {
                return cookie.getValue();
            }
        }
        return null;
    }

    public void write(HttpServletResponse response, String token) {
        response.addHeader("Set-Cookie", header(token, false));
    }

    public void clear(HttpServletResponse response) {
        response.addHeader("Set-Cookie", header("", true));
    }

    private String header(String value, boolean expire) {
        StringBuilder header = new StringBuilder(name).append('=').append(value);
        header.append("; Path=").append(path);
        if (domain != null && !domain.isBlank()) {
            header.append("; Domain=").append(domain);
        }
        if (expire) {
            header.append("; Max-Age=0");
        }
        if (secure) {
            header.append("; Secure");
        }
        if (httpOnly) {
            header.append("; HttpOnly");
        }
        return header.append("; SameSite=").append(sameSite).toString();
    }

    private static String sameSite(SameSite value) {
        return switch (value) {
            case STRICT -> "Strict";
            case LAX -> "Lax";
            case NONE -> "None";
        };
    }
}
