package io.langop.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.langop.api.v1alpha1.agent.AgentPhase;
import io.langop.api.v1alpha1.client.CookieConfig;
import io.langop.console.testing.Chromium;
import io.langop.console.testing.TeamCluster;
import io.langop.console.testing.TestKubernetes;
import io.langop.console.testing.TestOidcProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard in Debian's Chromium against an API server on a socket: sign in with a key (and, on the phone, at an
 * OIDC issuer), open an agent, watch its phase change live when its status changes (no reload), read its code diff
 * and its pod's log, see a new event arrive; on a phone's width, with labels, a keyboard path and text contrast
 * checked. Screenshots go to target/screenshots (docs/console.md shows copies).
 */
class DashboardBrowserTest {

    /** WCAG's contrast ratio of each element's text against the page, the lowest first. */
    private static final String LOWEST_CONTRAST = """
            function luminance(colour) {
              const [r, g, b] = colour.match(/[0-9.]+/g).slice(0, 3).map(Number).map(v => {
                v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
              return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            }
            const page = luminance(getComputedStyle(document.body).backgroundColor);
            return [...document.querySelectorAll(arguments[0])]
              .filter(e => e.textContent.trim() !== '')
              .map(e => { const text = luminance(getComputedStyle(e).color);
                          return (Math.max(text, page) + 0.05) / (Math.min(text, page) + 0.05); })
              .sort((a, b) => a - b)[0];
            """;

    private static TestKubernetes kubernetes;
    private static TeamCluster team;
    private static TestOidcProvider issuer;
    private static Dashboard dashboard;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Chromium.installed(), Chromium.MISSING);
        kubernetes = new TestKubernetes();
        team = new TeamCluster(kubernetes.client()).create(kubernetes);
        issuer = new TestOidcProvider();
        CookieConfig cookie = new CookieConfig();
        cookie.setSecure(false); // plain http on loopback
        dashboard = Dashboard.start(
                new Dashboard.Settings(
                        TeamCluster.NAMESPACE,
                        TeamCluster.CLUSTER,
                        "alice:sk-alice\n",
                        new Dashboard.Oidc(
                                issuer.issuer(),
                                TestOidcProvider.CLIENT_ID,
                                TestOidcProvider.CLIENT_SECRET,
                                null,
                                null),
                        cookie),
                kubernetes.client(),
                0,
                InetAddress.getLoopbackAddress(),
                Clock.systemUTC());
        chromium = Chromium.start();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable each : new AutoCloseable[] {chromium, dashboard, kubernetes, issuer}) {
            try {
                if (each != null) {
                    each.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @BeforeEach
    void signedOut() {
        chromium.fresh();
        chromium.driver().get(dashboard.uri().toString());
    }

    private void signedIn() {
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("agents")));
        chromium.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-state"), "Live"));
    }

    @Test
    void watchesAnAgentsPhaseChangeLiveAndReadsItsCodeDiffAndItsLog() throws IOException {
        WebDriver browser = chromium.driver();
        browser.findElement(By.id("key")).sendKeys("sk-alice", Keys.ENTER);
        signedIn();
        chromium.screenshot("dashboard-overview");
        assertThat(browser.findElements(By.cssSelector("#agents tbody th")))
                .extracting(cell -> cell.getText())
                .as("failing agents first")
                .containsExactly("broken", "digest");

        browser.findElement(By.linkText("digest")).click();
        chromium.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("agent-phase"), "Running"));
        chromium.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("logs"), "digest written"));
        chromium.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-state"), "Live"));
        chromium.script("window.sameDocument = true;");

        team.phase("digest", AgentPhase.FAILED, "the new code failed its first 2 runs: rolled back");
        chromium.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("agent-phase"), "Failed"));
        assertThat(chromium.script("return window.sameDocument === true"))
                .as("updated in place, not reloaded")
                .isEqualTo(true);
        assertThat(browser.findElement(By.cssSelector("#live .message")).getText())
                .isEqualTo("the new code failed its first 2 runs: rolled back");

        team.event("digest", "RolledBack", "Warning", "code <b>3f2a1b</b> failed its first runs");
        chromium.waitFor()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#event-list li:first-child"), "RolledBack"));
        assertThat(browser.findElement(By.cssSelector("#event-list li:first-child .message"))
                        .getText())
                .isEqualTo("code <b>3f2a1b</b> failed its first runs");

        assertThat(browser.findElements(By.cssSelector("#code-diff ins")))
                .extracting(line -> line.getText())
                .containsExactly(
                        "+     String prompt = \"Summarise the news in three bullet points\";",
                        "+     int maxItems = 3;");
        assertThat(browser.findElements(By.cssSelector("#code-diff del")))
                .extracting(line -> line.getText())
                .containsExactly("-     String prompt = \"Summarise the news\";");
        assertThat(browser.findElement(By.id("logs")).getText()).isEqualTo("""
                        [digest-agent-7f9c] 08:00:01 run started
                        [digest-agent-7f9c] 08:00:03 fetched 12 headlines
                        [digest-agent-7f9c] 08:00:05 digest written""");
        browser.manage().window().setSize(new Dimension(1100, 1600)); // the whole page in the picture
        chromium.screenshot("dashboard-agent");
        team.phase("digest", AgentPhase.RUNNING, "the new code runs on trial");
    }

    @Test
    void signsInAtTheIdentityProviderFitsAPhoneLabelsItsControlsKeepsItsContrastAndWorksFromTheKeyboard()
            throws IOException {
        WebDriver browser = chromium.driver();
        chromium.screenshot("dashboard-sign-in");
        browser.findElement(By.linkText("Sign in with sso")).click();
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("user")));
        browser.findElement(By.id("user")).sendKeys("carol", Keys.ENTER);
        signedIn();
        assertThat(browser.findElement(By.className("who")).getText()).contains("Signed in as carol");
        browser.manage().window().setSize(Chromium.PHONE);
        chromium.screenshot("dashboard-phone");
        assertThat(chromium.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling on a phone")
                .isEqualTo(true);
        assertThat(chromium.script(
                        "return [...document.querySelectorAll('input:not([type=hidden]), select, textarea, table')]"
                                + ".filter(c => c.tagName === 'TABLE' ? !c.caption : c.labels.length === 0"
                                + " && !c.getAttribute('aria-label')).map(c => c.id)"))
                .as("controls without a label, tables without a caption")
                .isEqualTo(List.of());
        assertThat((Double) chromium.script(LOWEST_CONTRAST, "td, th, .phase, dt, dd, a, .status"))
                .as("the lowest contrast of text on the page (WCAG AA asks 4.5)")
                .isGreaterThanOrEqualTo(4.5);

        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to the content");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys(Keys.TAB); // past "Sign out"
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Overview");
        for (int i = 0; i < 4; i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Events");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        chromium.waitFor().until(ExpectedConditions.urlContains("/events"));
        assertThat(browser.findElement(By.cssSelector("a[aria-current=page]")).getText())
                .isEqualTo("Events");
        assertThat(browser.findElement(By.id("event-list")).getText()).contains("SynthesisFailed");
    }
}
