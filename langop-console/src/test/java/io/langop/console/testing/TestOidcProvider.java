package io.langop.console.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenID Connect provider on a loopback socket, as small as the console's sign-in needs and as strict: discovery,
 * a JWKS with one RSA key, an authorization page where a person types a user name (the browser test does), a token
 * endpoint that checks the client's secret, the redirect URI and the PKCE verifier, and RS256 tokens. It also mints
 * bearer tokens for programs, and tokens the console must refuse (another key, another audience, expired).
 */
public final class TestOidcProvider implements AutoCloseable {

    public static final String CLIENT_ID = "console";
    public static final String CLIENT_SECRET = "console-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Grant(String user, String redirectUri, String nonce, String challenge) {}

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey otherKey;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    public TestOidcProvider() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext(
                "/jwks", exchange -> send(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** An access token for programs, signed by the issuer's key. */
    public String accessToken(String user, String audience, Duration lifetime) {
        return sign(key, claims(user, audience, lifetime).build());
    }

    /** A token that looks right but was signed by a key the issuer does not publish. */
    public String tokenOfAnotherKey(String user) {
        return sign(otherKey, claims(user, CLIENT_ID, Duration.ofMinutes(5)).build());
    }

    private JWTClaimsSet.Builder claims(String user, String audience, Duration lifetime) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("sub-" + user)
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim("preferred_username", user);
    }

    private static String sign(RSAKey with, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(with.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer());
        document.put("authorization_endpoint", issuer() + "/authorize");
        document.put("token_endpoint", issuer() + "/token");
        document.put("jwks_uri", issuer() + "/jwks");
        send(exchange, 200, "application/json", JSON.writeValueAsString(document));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        if ("GET".equals(exchange.getRequestMethod())) {
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            if (!CLIENT_ID.equals(query.get("client_id")) || !"S256".equals(query.get("code_challenge_method"))) {
                send(exchange, 400, "text/plain", "unknown client or no PKCE");
                return;
            }
            StringBuilder page = new StringBuilder("<!doctype html><html lang=\"en\"><head><title>Test identity"
                    + " provider</title></head><body><h1>Test identity provider</h1><form method=\"post\">"
                    + "<label for=\"user\">User name</label><input id=\"user\" name=\"user\">");
            for (String field : new String[] {"redirect_uri", "state", "nonce", "code_challenge"}) {
                page.append("<input type=\"hidden\" name=\"")
                        .append(field)
                        .append("\" value=\"")
                        .append(query.get(field).replace("\"", "&quot;"))
                        .append("\">");
            }
            send(
                    exchange,
                    200,
                    "text/html",
                    page.append("<button type=\"submit\">Continue</button></form></body>" + "</html>")
                            .toString());
            return;
        }
        Map<String, String> posted = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String code = UUID.randomUUID().toString();
        codes.put(
                code,
                new Grant(
                        posted.get("user"),
                        posted.get("redirect_uri"),
                        posted.get("nonce"),
                        posted.get("code_challenge")));
        exchange.getResponseHeaders()
                .set(
                        "Location",
                        posted.get("redirect_uri") + "?code=" + code + "&state="
                                + URLEncoder.encode(posted.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic "
                + Base64.getEncoder()
                        .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        Map<String, String> posted = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = codes.remove(posted.getOrDefault("code", ""));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || grant == null
                || !grant.redirectUri().equals(posted.get("redirect_uri"))
                || !grant.challenge().equals(challenge(posted.getOrDefault("code_verifier", "")))) {
            send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        String idToken = sign(
                key,
                claims(grant.user(), CLIENT_ID, Duration.ofMinutes(5))
                        .claim("nonce", grant.nonce())
                        .build());
        send(
                exchange,
                200,
                "application/json",
                JSON.writeValueAsString(Map.of(
                        "id_token",
                        idToken,
                        "access_token",
                        accessToken(grant.user(), CLIENT_ID, Duration.ofMinutes(5)),
                        "token_type",
                        "Bearer")));
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A person's sign-in at {@code browser}'s console as a browser makes it, over real HTTP: the console's redirect to
     * this issuer, {@code user} typed into its page, the redirect back to the console's callback. Returns the
     * console's answer to the callback (a redirect to its page, signed in or with an error).
     */
    public HttpResponse<String> signIn(ConsoleHttp browser, String provider, String user)
            throws IOException, InterruptedException {
        String authorize = browser.get("/auth/oidc/" + provider)
                .headers()
                .firstValue("Location")
                .orElseThrow();
        String page = browser.getElsewhere(authorize).body();
        HttpResponse<String> back =
                browser.postFormElsewhere(issuer() + "/authorize", "user=" + user + "&" + hiddenFields(page));
        URI callback = URI.create(back.headers().firstValue("Location").orElseThrow());
        return browser.get(callback.getRawPath() + "?" + callback.getRawQuery());
    }

    /** The hidden fields of this issuer's sign-in page, as the browser posts them back. */
    public static String hiddenFields(String page) {
        StringBuilder fields = new StringBuilder();
        Matcher hidden = Pattern.compile("type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
                .matcher(page);
        while (hidden.find()) {
            fields.append(fields.isEmpty() ? "" : "&")
                    .append(hidden.group(1))
                    .append('=')
                    .append(URLEncoder.encode(
                            hidden.group(2).replace("&quot;", "\"").replace("&amp;", "&"), StandardCharsets.UTF_8));
        }
        return fields.toString();
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            fields.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + ";charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
