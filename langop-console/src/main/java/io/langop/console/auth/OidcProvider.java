package io.langop.console.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.langop.console.ConsoleConfigFile;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An OpenID Connect provider ({@code type: oidc}; {@code config.issuer}, {@code config.clientId}, optionally
 * {@code config.scopes} and {@code config.audience}; the client secret from {@code secretRef}). Browsers sign in
 * with the authorization code flow and PKCE; programs present a bearer JWT. Every token is checked against the
 * issuer's keys (its JWKS, found through discovery and cached by nimbus): signature, {@code iss}, {@code aud},
 * expiry, and for sign-ins the nonce. Discovery happens on first use, so the console starts while the issuer is
 * down and signs in once it answers.
 */
public final class OidcProvider {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384);
    /** The names of a provider's settings, as a LanguageClient's {@code config} (and the dashboard) gives them. */
    public static final String ISSUER = "issuer";

    public static final String CLIENT_ID = "clientId";
    public static final String AUDIENCE = "audience";
    public static final String SCOPES = "scopes";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private record Endpoints(
            URI authorization,
            URI token,
            DefaultJWTProcessor<SecurityContext> idTokens,
            DefaultJWTProcessor<SecurityContext> accessTokens) {}

    private final String name;
    private final String issuer;
    private final String clientId;
    private final String clientSecret;
    private final String scopes;
    private final String audience;
    private final HttpClient http;
    private volatile Endpoints endpoints;

    public OidcProvider(String name, Map<String, String> config, String clientSecret, HttpClient http) {
        this.name = name;
        this.issuer = stripSlash(required(name, config, ISSUER));
        this.clientId = required(name, config, CLIENT_ID);
        this.clientSecret = clientSecret;
        this.scopes = config.getOrDefault(SCOPES, "openid profile email");
        this.audience = config.getOrDefault(AUDIENCE, clientId);
        this.http = http;
    }

    public String name() {
        return name;
    }

    /** Where to send the browser: the issuer's authorization endpoint with state, nonce and the PKCE challenge. */
    public URI authorizationRedirect(URI callback, String state, String nonce, String codeVerifier) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", callback.toString());
        query.put("scope", scopes);
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", Pkce.challenge(codeVerifier));
        query.put("code_challenge_method", "S256");
        URI endpoint = endpoints().authorization();
        String separator = endpoint.getRawQuery() == null ? "?" : "&";
        return URI.create(endpoint + separator + form(query));
    }

    /** Trades the code of a finished sign-in for its ID token and checks that token. */
    public User signIn(String code, URI callback, String codeVerifier, String expectedNonce) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", callback.toString());
        form.put("code_verifier", codeVerifier);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoints().token())
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (clientSecret != null) {
            request.header("Authorization", "Basic " + basic(clientId, clientSecret));
        } else {
            form.put("client_id", clientId);
        }
        JsonNode answer = send(
                request.POST(HttpRequest.BodyPublishers.ofString(form(form))).build(), "token");
        String idToken = answer.path("id_token").asText(null);
        if (idToken == null) {
            throw new AuthenticationException(name + " answered the code exchange without an ID token");
        }
        JWTClaimsSet claims = verify(endpoints().idTokens(), idToken);
        if (!Objects.equals(expectedNonce, claims.getClaim("nonce"))) {
            throw new AuthenticationException("the ID token of " + name + " is not the answer to this sign-in");
        }
        return user(claims);
    }

    /** The user of a bearer token the issuer signed for this client ({@code aud} = audience or client id). */
    public Optional<User> bearer(String token) {
        if (token.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty(); // not a JWT: an API key, or nothing of ours
        }
        try {
            return Optional.of(user(verify(endpoints().accessTokens(), token)));
        } catch (AuthenticationException refused) {
            return Optional.empty();
        }
    }

    private User user(JWTClaimsSet claims) {
        String shown = firstClaim(claims, "preferred_username", "email", "name");
        return new User(name + ":" + claims.getSubject(), shown == null ? claims.getSubject() : shown, name);
    }

    private static String firstClaim(JWTClaimsSet claims, String... names) {
        for (String claim : names) {
            Object value = claims.getClaim(claim);
            if (value instanceof String text && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }

    private JWTClaimsSet verify(DefaultJWTProcessor<SecurityContext> processor, String token) {
        try {
            return processor.process(token, null);
        } catch (ParseException | BadJOSEException | JOSEException refused) {
            throw new AuthenticationException("a token of " + name + " was refused: " + refused.getMessage());
        }
    }

    private Endpoints endpoints() {
        Endpoints known = endpoints;
        if (known == null) {
            synchronized (this) {
                if (endpoints == null) {
                    endpoints = discover();
                }
                known = endpoints;
            }
        }
        return known;
    }

    private Endpoints discover() {
        JsonNode document = send(
                HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                        .timeout(TIMEOUT)
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                "discovery");
        if (!issuer.equals(stripSlash(document.path("issuer").asText("")))) {
            throw new AuthenticationException(
                    name + "'s discovery document names issuer " + document.path("issuer") + ", not " + issuer);
        }
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(
                            URI.create(document.path("jwks_uri").asText()).toURL())
                    .retrying(true)
                    .build();
            return new Endpoints(
                    URI.create(document.path("authorization_endpoint").asText()),
                    URI.create(document.path("token_endpoint").asText()),
                    processor(keys, Set.of(clientId), Set.of("sub", "iat", "exp", "nonce")),
                    processor(keys, Set.of(audience), Set.of("sub", "exp")));
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new AuthenticationException(
                    name + "'s discovery document has no usable endpoints: " + e.getMessage());
        }
    }

    private DefaultJWTProcessor<SecurityContext> processor(
            JWKSource<SecurityContext> keys, Set<String> audiences, Set<String> requiredClaims) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                audiences, new JWTClaimsSet.Builder().issuer(issuer).build(), requiredClaims, null));
        return processor;
    }

    private JsonNode send(HttpRequest request, String what) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AuthenticationException(
                        name + "'s " + what + " endpoint answered HTTP " + response.statusCode());
            }
            return ConsoleConfigFile.json().readTree(response.body());
        } catch (IOException e) {
            throw new AuthenticationException(name + "'s " + what + " endpoint cannot be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationException("interrupted while asking " + name);
        }
    }

    private static String required(String provider, Map<String, String> config, String key) {
        String value = config.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("authentication provider '" + provider + "' needs config." + key);
        }
        return value.strip();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder()
                .encodeToString((encode(user) + ":" + encode(password)).getBytes(StandardCharsets.UTF_8));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
