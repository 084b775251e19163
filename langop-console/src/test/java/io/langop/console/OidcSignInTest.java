package io.langop.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.console.testing.ConsoleHttp;
import io.langop.console.testing.TestOidcProvider;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OIDC against an in-process provider over real HTTP: a browser's authorization code flow with PKCE, and programs'
 * bearer tokens checked against the issuer's JWKS (signature, issuer, audience, expiry).
 */
class OidcSignInTest {

    static final String SETTINGS = """
            {"name":"chat","namespace":"apps","models":[{"name":"qwen","endpoint":"%s"}],
             "session":{"cookieConfig":{"secure":false}},
             "authentication":{"enabled":true,"requireAuthentication":true,"allowAnonymous":false,
               "providers":[{"name":"sso","type":"oidc","config":{"issuer":"%s","clientId":"console"},
                             "secretEnv":"AUTH_SSO_SECRET"}]}}
            """;

    private static ScriptedOpenAiServer llm;
    private static TestOidcProvider issuer;
    private static Console console;

    @BeforeAll
    static void start() throws Exception {
        llm = new ScriptedOpenAiServer();
        issuer = new TestOidcProvider();
        console = Console.start(
                ConsoleConfigFile.parse(SETTINGS.formatted(llm.baseUrl(), issuer.issuer())),
                Map.of("AUTH_SSO_SECRET", TestOidcProvider.CLIENT_SECRET)::get,
                0,
                null,
                null,
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        console.close();
        issuer.close();
        llm.close();
    }

    @Test
    void aBrowserSignsInAtTheIssuerAndComesBackSignedIn() throws Exception {
        ConsoleHttp browser = new ConsoleHttp(console.uri());
        assertThat(browser.get("/").body()).contains("href=\"/auth/oidc/sso\"");

        HttpResponse<String> toIssuer = browser.get("/auth/oidc/sso");
        String authorize = toIssuer.headers().firstValue("Location").orElseThrow();
        String form = browser.getElsewhere(authorize).body();
        HttpResponse<String> back = browser.postFormElsewhere(
                issuer.issuer() + "/authorize", "user=carol&" + TestOidcProvider.hiddenFields(form));
        URI callback = URI.create(back.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> signedIn = browser.get(callback.getRawPath() + "?" + callback.getRawQuery());

        assertThat(authorize).startsWith(issuer.issuer() + "/authorize?").contains("code_challenge_method=S256");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(browser.get("/").body()).contains("Signed in as carol");
    }

    @Test
    void aCallbackThatNoSignInStartedSignsNobodyIn() throws Exception {
        ConsoleHttp browser = new ConsoleHttp(console.uri());

        HttpResponse<String> forged = browser.get("/auth/callback?code=stolen&state=made-up");

        assertThat(forged.headers().firstValue("Location")).hasValue("/?error=oidc");
        assertThat(browser.get("/").body()).contains("Sign in with sso").doesNotContain("Signed in as");
    }

    @Test
    void programsWithTheIssuersTokenGetInAndForgedOrStaleTokensDoNot() throws Exception {
        assertThat(models(issuer.accessToken("dave", "console", Duration.ofMinutes(5))))
                .isEqualTo(200);
        assertThat(models(issuer.tokenOfAnotherKey("dave"))).isEqualTo(401);
        assertThat(models(issuer.accessToken("dave", "another-app", Duration.ofMinutes(5))))
                .isEqualTo(401);
        assertThat(models(issuer.accessToken("dave", "console", Duration.ofMinutes(-5))))
                .isEqualTo(401);
    }

    private static int models(String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(console.uri().resolve("/v1/models"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
