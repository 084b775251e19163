package io.langop.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.langop.api.v1alpha1.agent.AgentPhase;
import io.langop.api.v1alpha1.client.CookieConfig;
import io.langop.console.testing.ConsoleHttp;
import io.langop.console.testing.TeamCluster;
import io.langop.console.testing.TestKubernetes;
import io.langop.console.testing.TestOidcProvider;
import io.langop.wire.DashboardWire;
import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard over HTTP against an API server on a real socket (fabric8's mock in CRUD mode with the langop CRDs):
 * sign-in with an API key and at an OIDC issuer (and programs' bearer tokens), each page from what the watches hold,
 * only the cluster's members, the live stream of changes and events, the followed log, and the code diff against the
 * last good code.
 */
class DashboardTest {

    private static TestKubernetes kubernetes;
    private static TeamCluster team;
    private static TestOidcProvider issuer;
    private static TestOidcProvider anotherIssuer;
    private static Dashboard dashboard;
    private ConsoleHttp http;

    @BeforeAll
    static void start() throws Exception {
        kubernetes = new TestKubernetes();
        team = new TeamCluster(kubernetes.client()).create(kubernetes);
        issuer = new TestOidcProvider();
        anotherIssuer = new TestOidcProvider();
        // the settings as the operator's Deployment passes them (DashboardDeployment)
        Dashboard.Settings settings = Dashboard.Settings.fromEnvironment(Map.of(
                DashboardWire.NAMESPACE_ENV, TeamCluster.NAMESPACE,
                DashboardWire.CLUSTER_ENV, TeamCluster.CLUSTER,
                DashboardWire.KEYS_ENV, "alice:sk-alice\n",
                DashboardWire.OIDC_ISSUER_ENV, issuer.issuer(),
                DashboardWire.OIDC_CLIENT_ID_ENV, TestOidcProvider.CLIENT_ID,
                DashboardWire.OIDC_CLIENT_SECRET_ENV, TestOidcProvider.CLIENT_SECRET)::get);
        CookieConfig cookie = new CookieConfig();
        cookie.setSecure(false); // plain http on loopback
        dashboard = Dashboard.start(
                new Dashboard.Settings(
                        settings.namespace(), settings.cluster(), settings.keys(), settings.oidc(), cookie),
                kubernetes.client(),
                0,
                InetAddress.getLoopbackAddress(),
                Clock.systemUTC());
        ConsoleHttp probe = new ConsoleHttp(dashboard.uri());
        await().atMost(Duration.ofSeconds(10)).until(() -> probe.get("/readyz").statusCode() == 200);
    }

    @AfterAll
    static void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
        if (kubernetes != null) {
            kubernetes.close();
        }
        for (TestOidcProvider each : new TestOidcProvider[] {issuer, anotherIssuer}) {
            if (each != null) {
                each.close();
            }
        }
    }

    @BeforeEach
    void signIn() throws Exception {
        http = new ConsoleHttp(dashboard.uri());
        assertThat(http.postForm("/auth/key", "key", "sk-alice").statusCode()).isEqualTo(302);
    }

    @Test
    void showsTheSignInPageAndRefusesPagesAndStreamsWithoutAKey() throws Exception {
        ConsoleHttp stranger = new ConsoleHttp(dashboard.uri());
        assertThat(stranger.get("/").body())
                .contains("<label for=\"key\">API key</label>")
                .doesNotContain("digest");
        assertThat(stranger.get("/agents/digest").body()).doesNotContain("digest");
        assertThat(stranger.get("/?part=live").statusCode()).isEqualTo(401);
        assertThat(stranger.get("/live").statusCode()).isEqualTo(401);
        assertThat(stranger.get("/logs/digest").statusCode()).isEqualTo(401);
        assertThat(stranger.postForm("/auth/key", "key", "sk-mallory").headers().firstValue("Location"))
                .hasValue("/?error=key");
    }

    @Test
    void signsInAtTheOidcIssuerAndShowsTheCluster() throws Exception {
        ConsoleHttp browser = new ConsoleHttp(dashboard.uri());
        assertThat(browser.get("/").body())
                .contains("<label for=\"key\">API key</label>")
                .contains("href=\"/auth/oidc/sso\">Sign in with sso</a>");

        HttpResponse<String> signedIn = issuer.signIn(browser, "sso", "carol");

        assertThat(signedIn.headers().firstValue("Location")).hasValue("/");
        assertThat(browser.get("/").body()).contains("Signed in as carol").contains("href=\"/agents/digest\"");
        assertThat(browser.get("/logs/digest").statusCode()).isEqualTo(200);
    }

    @Test
    void aForgedOidcCallbackSignsNobodyInAndSaysSo() throws Exception {
        ConsoleHttp browser = new ConsoleHttp(dashboard.uri());

        HttpResponse<String> forged = browser.get("/auth/callback?code=stolen&state=made-up");

        assertThat(forged.headers().firstValue("Location")).hasValue("/?error=oidc");
        assertThat(browser.get("/?error=oidc").body())
                .contains("The sign-in did not complete. Try again.")
                .doesNotContain("digest");
    }

    @Test
    void programsReadItWithTheIssuersTokensAndNotWithExpiredForgedOrForeignOnes() throws Exception {
        String valid = issuer.accessToken("dave", TestOidcProvider.CLIENT_ID, Duration.ofMinutes(5));
        assertThat(withToken("/?part=live", valid).statusCode()).isEqualTo(200);
        assertThat(withToken("/?part=live", valid).body()).contains("href=\"/agents/digest\"");

        for (String refused : List.of(
                issuer.accessToken("dave", TestOidcProvider.CLIENT_ID, Duration.ofMinutes(-5)),
                issuer.tokenOfAnotherKey("dave"),
                issuer.accessToken("dave", "another-app", Duration.ofMinutes(5)),
                anotherIssuer.accessToken("dave", TestOidcProvider.CLIENT_ID, Duration.ofMinutes(5)),
                "not-a-token")) {
            assertThat(withToken("/?part=live", refused).statusCode()).isEqualTo(401);
            assertThat(withToken("/", refused).body())
                    .contains("Sign in with sso")
                    .doesNotContain("digest");
            assertThat(withToken("/live", refused).statusCode()).isEqualTo(401);
        }
    }

    private static HttpResponse<String> withToken(String path, String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(dashboard.uri().resolve(path))
                                .header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theOverviewCountsPhasesShowsTheCostOfTodayAndListsFailingAgentsFirst() throws Exception {
        HttpResponse<String> page = http.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
        String html = page.body();
        assertThat(html)
                .contains("<dt>Cost today</dt><dd>0.4200 USD</dd>")
                .contains("<dt>Requests to models</dt><dd>1,234</dd>")
                .contains("<th scope=\"row\">Agents</th><td><span class=\"count\">Failed: 1</span>"
                        + " <span class=\"count\">Running: 1</span></td>")
                .contains("<script src=\"/assets/dashboard.js\" defer></script>")
                .doesNotContain("stranger");
        assertThat(html.indexOf("href=\"/agents/broken\"")).isLessThan(html.indexOf("href=\"/agents/digest\""));
    }

    @Test
    void anAgentsPageShowsItsRunsCostConditionsPodsEventsAndTheDiffAgainstTheLastGoodCode() throws Exception {
        String html = http.get("/agents/digest").body();
        assertThat(html)
                .contains("data-kinds=\"LanguageAgent/digest Pod\" data-events=\"LanguageAgent/digest\"")
                .contains("<span class=\"phase phase-running\">Running</span>")
                .contains("<dt>Runs</dt><dd>10</dd>")
                .contains("<dt>Success rate</dt><dd>90.0 %</dd>")
                .contains("<dt>Cost</dt><dd>0.3100 USD</dd>")
                .contains("<td>CodeUpdated</td>")
                .contains("the last good code, kept by the operator")
                .contains("<del>-     String prompt = &quot;Summarise the news&quot;;</del>")
                .contains("<ins>+     String prompt = &quot;Summarise the news in three bullet points&quot;;</ins>")
                .contains("<ins>+     int maxItems = 3;</ins>")
                .contains("      String schedule = &quot;0 8 * * *&quot;;\n")
                .contains("<th scope=\"row\">" + TeamCluster.POD + "</th><td>Running</td><td>1/1</td><td>0</td><td>"
                        + TeamCluster.sha256(TeamCluster.GOOD_CODE).substring(0, 12) + " (an earlier version)</td>")
                .contains("Running version <code id=\"code-version\">"
                        + TeamCluster.sha256(TeamCluster.NEW_CODE).substring(0, 12) + "</code>")
                .contains("new code 3f2a1b written to digest-code")
                .doesNotContain("no valid code after 3 attempt(s)"); // broken's event, not digest's
        assertThat(http.get("/agents/stranger").statusCode())
                .as("not a member of the cluster")
                .isEqualTo(404);
        assertThat(http.get("/agents/nobody").statusCode()).isEqualTo(404);
    }

    @Test
    void theModelsToolsPersonasAndEventsPagesShowWhatTheStatusSays() throws Exception {
        assertThat(http.get("/models").body())
                .contains("gpt <span class=\"muted\">gpt-4o-mini</span>")
                .contains("<td>1,234</td><td>5</td><td>812 ms, 2100 ms</td><td>90,210</td><td>0.4200 USD</td>");
        assertThat(http.get("/tools").body())
                .contains("Health: ready")
                .contains("<th scope=\"row\">web_search</th><td>Searches the web</td>")
                .contains("<th scope=\"row\">fetch_page</th><td>Reads a page as text</td>");
        assertThat(http.get("/personas").body())
                .contains("A careful analyst who cites sources")
                .contains("<td>professional</td>")
                .contains("<a href=\"/agents/digest\">digest</a>");
        assertThat(http.get("/events").body())
                .contains("no valid code after 3 attempt(s)")
                .contains("new code 3f2a1b written to digest-code");
    }

    @Test
    void theLiveStreamTellsOfAStatusChangeAndOfEachNewEventAndThePartOfThePageChanges() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(dashboard.uri().resolve("/live"))
                .header("Cookie", http.cookie())
                .build();
        var stream = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        try {
            HttpResponse<Stream<String>> response = stream.get();
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            Thread reader = Thread.ofVirtual().start(() -> response.body().forEach(received::add));
            await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("event: ready"));

            team.phase("digest", AgentPhase.FAILED, "the new code failed twice: rolled back");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> received.contains("data: {\"kind\":\"LanguageAgent\",\"name\":\"digest\"}"));
            assertThat(http.get("/agents/digest?part=live").body())
                    .startsWith("<h2>Agent digest")
                    .contains("<span class=\"phase phase-failed\">Failed</span>")
                    .contains("the new code failed twice: rolled back")
                    .doesNotContain("<html");

            team.event("digest", "RolledBack", "Warning", "code <b>3f2a1b</b> failed its first runs");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> received.stream()
                            .anyMatch(line -> line.startsWith("data: ")
                                    && line.contains("\"reason\":\"RolledBack\"")
                                    && line.contains("\"object\":\"LanguageAgent/digest\"")
                                    && line.contains("\"warning\":true")));
            assertThat(received).contains("event: k8s-event");
            assertThat(http.get("/agents/digest").body())
                    .contains("code &lt;b&gt;3f2a1b&lt;/b&gt; failed its first runs");
            reader.interrupt();
        } finally {
            stream.cancel(true);
            team.phase("digest", AgentPhase.RUNNING, "the new code runs on trial");
        }
    }

    @Test
    void theLogStreamCarriesEachLineOfTheAgentsPodsThenEnds() throws Exception {
        HttpResponse<String> logs = http.get("/logs/digest");
        assertThat(logs.statusCode()).isEqualTo(200);
        assertThat(logs.body())
                .contains("event: pods\ndata: [\"" + TeamCluster.POD + "\"]")
                .contains("event: line\ndata: {\"pod\":\"" + TeamCluster.POD + "\",\"line\":\"08:00:03 fetched 12"
                        + " headlines\"}")
                .endsWith("event: end\ndata: {}\n\n");
        assertThat(kubernetes.paths())
                .anySatisfy(path -> assertThat(path)
                        .startsWith("GET /api/v1/namespaces/team/pods/" + TeamCluster.POD + "/log?")
                        .contains("follow=true")
                        .contains("container=agent")
                        .contains("tailLines=200"));
        assertThat(http.get("/logs/stranger").statusCode()).isEqualTo(404);
    }

    @Test
    void readsNoConfigMapButTheCodeOfTheAgentItShows() throws IOException, InterruptedException {
        http.get("/agents/digest");
        assertThat(kubernetes.paths())
                .filteredOn(path -> path.contains("/configmaps") && !path.startsWith("POST ")) // the test's own
                .allSatisfy(path -> assertThat(path)
                        .matches("GET /api/v1/namespaces/team/configmaps/(digest-code|digest-good-code)"));
    }
}
