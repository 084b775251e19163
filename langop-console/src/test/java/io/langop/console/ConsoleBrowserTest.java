package io.langop.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.langop.console.testing.Chromium;
import io.langop.console.testing.TestAgent;
import io.langop.console.testing.TestOidcProvider;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in Debian's Chromium, driven through its chromedriver (no browser download; skipped with a message
 * where they are not installed): sign in with a key and with OIDC, chat with a real agent on a scripted LLM and
 * watch its answer stream in, Markdown rendered without letting an answer inject markup, on a desktop and a phone.
 * One browser for the class; screenshots go to target/screenshots (docs/console.md shows copies).
 */
class ConsoleBrowserTest {

    private static final String ANSWER = """
            Here is **what runs**:

            - two `web` pods
            - one [dashboard](https://example.com/dash)

            ```java
            int pods = 2;
            ```

            <img src=x onerror="window.injected=1"> <script>window.injected=2</script>""";

    /** No filter that blocks: the answer is shown as it is written (a blocking one holds it until it is whole). */
    private static final String SETTINGS = """
            {"name":"platform-help","namespace":"apps",
             "agents":[{"name":"helpdesk","url":"%s","mode":"chat","displayName":"Helpdesk"}],
             "session":{"cookieConfig":{"secure":false}},
             "authentication":{"enabled":true,"requireAuthentication":true,"allowAnonymous":false,
               "providers":[{"name":"keys","type":"api-key","secretEnv":"AUTH_KEYS_SECRET"}]},
             "contentModeration":{"enabled":true,"customFilters":[{"name":"secrets","pattern":"root password",
               "action":"warn","message":"Passwords are not discussed here."}]},
             "ui":{"title":"Platform help","description":"Ask the platform helpdesk about your workloads.",
                   "footer":"Answers come from an agent: check what matters.","theme":"light"}}
            """;

    private static ScriptedOpenAiServer llm;
    private static TestAgent agent;
    private static TestOidcProvider issuer;
    private static Console keyConsole;
    private static Console oidcConsole;
    private static Chromium chromium;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Chromium.installed(), Chromium.MISSING);
        llm = new ScriptedOpenAiServer().pauseBetweenChunks(Duration.ofMillis(120));
        agent = TestAgent.start("helpdesk", "You are the helpdesk.", llm);
        issuer = new TestOidcProvider();
        keyConsole = Console.start(
                ConsoleConfigFile.parse(SETTINGS.formatted(agent.url())),
                ConsoleChatTest.KEYS::get,
                0,
                null,
                null,
                Clock.systemUTC());
        oidcConsole = Console.start(
                ConsoleConfigFile.parse(OidcSignInTest.SETTINGS.formatted(llm.baseUrl(), issuer.issuer())),
                Map.of("AUTH_SSO_SECRET", TestOidcProvider.CLIENT_SECRET)::get,
                0,
                null,
                null,
                Clock.systemUTC());
        chromium = Chromium.start();
        browser = chromium.driver();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        for (AutoCloseable each : new AutoCloseable[] {keyConsole, oidcConsole, agent, issuer, llm}) {
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
    void freshBrowser() {
        chromium.fresh();
    }

    @Test
    void signsInWithAKeyAndWatchesTheAgentsAnswerStreamInRenderedSafely() throws IOException {
        llm.thenText(ANSWER);
        browser.get(keyConsole.uri().toString());
        screenshot("console-sign-in");
        browser.findElement(By.id("key")).sendKeys("sk-alice", Keys.ENTER);
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.className("who"), "Signed in as alice"));
        assertThat(browser.findElement(By.id("welcome")).getText())
                .isEqualTo("Ask the platform helpdesk about your workloads.");

        watchTheAnswer();
        WebElement prompt = browser.findElement(By.id("prompt"));
        prompt.sendKeys("What runs in the team namespace?", Keys.ENTER);
        waitFor()
                .until(driver ->
                        browser.findElements(By.cssSelector(".turn.assistant")).size() == 1
                                && browser.findElements(By.cssSelector(".turn[aria-busy]"))
                                        .isEmpty());
        screenshot("console-chat");

        List<String> seen = seenStates();
        WebElement answer = browser.findElement(By.cssSelector(".turn.assistant .body"));
        assertThat(seen).as("the answer as it was painted").hasSizeGreaterThanOrEqualTo(3);
        assertThat(answer.getText()).startsWith(seen.getFirst().strip().split("\\s", -1)[0]);
        assertThat(answer.findElement(By.tagName("strong")).getText()).isEqualTo("what runs");
        assertThat(answer.findElements(By.cssSelector("ul li"))).hasSize(2);
        assertThat(answer.findElement(By.cssSelector("pre code")).getText()).isEqualTo("int pods = 2;");
        assertThat(answer.findElement(By.tagName("a")).getAttribute("href")).isEqualTo("https://example.com/dash");
        assertThat(answer.findElements(By.tagName("img"))).isEmpty();
        assertThat(answer.findElements(By.tagName("script"))).isEmpty();
        assertThat(answer.getText()).contains("<img src=x onerror=\"window.injected=1\">");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.injected === undefined"))
                .isEqualTo(true);
        assertThat(llm.messagesOf(llm.requests().size() - 1)).endsWith("user: What runs in the team namespace?");

        browser.navigate().refresh();
        waitFor().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".turn"), 2));
    }

    @Test
    void signsInAtTheIdentityProviderAndChatsWithAModel() throws IOException {
        llm.thenText("Hello **carol**, the model answers.");
        browser.get(oidcConsole.uri().toString());
        browser.findElement(By.linkText("Sign in with sso")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("user")));
        browser.findElement(By.id("user")).sendKeys("carol", Keys.ENTER);
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.className("who"), "Signed in as carol"));

        browser.findElement(By.id("prompt")).sendKeys("hello", Keys.ENTER);
        waitFor()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".turn.assistant .body"), "the model answers."));
        screenshot("console-oidc");

        assertThat(browser.findElement(By.cssSelector(".turn.assistant strong")).getText())
                .isEqualTo("carol");
    }

    @Test
    void fitsAPhoneAndLabelsEveryControl() throws IOException {
        browser.get(keyConsole.uri().toString());
        browser.findElement(By.id("key")).sendKeys("sk-bob", Keys.ENTER);
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("prompt")));
        browser.manage().window().setSize(Chromium.PHONE);
        screenshot("console-phone");

        JavascriptExecutor js = browser;
        assertThat(js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling on a phone")
                .isEqualTo(true);
        assertThat(
                        js.executeScript(
                                "return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]"
                                        + ".filter(c => c.labels.length === 0 && !c.getAttribute('aria-label')).map(c => c.id)"))
                .as("controls without a label")
                .isEqualTo(List.of());
        browser.findElement(By.id("prompt")).sendKeys(Keys.SHIFT, Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isIn("export", "new-chat");
    }

    private static void watchTheAnswer() {
        ((JavascriptExecutor) browser).executeScript("""
                window.seen = [];
                new MutationObserver(() => {
                  const bodies = document.querySelectorAll('.turn.assistant .body');
                  if (bodies.length > 0) { window.seen.push(bodies[bodies.length - 1].textContent); }
                }).observe(document.getElementById('messages'), {subtree: true, childList: true, characterData: true});
                """);
    }

    @SuppressWarnings("unchecked")
    private static List<String> seenStates() {
        List<String> all = (List<String>) ((JavascriptExecutor) browser).executeScript("return window.seen");
        return List.copyOf(
                new LinkedHashSet<>(all.stream().filter(text -> !text.isBlank()).toList()));
    }

    private static WebDriverWait waitFor() {
        return chromium.waitFor();
    }

    private static void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }
}
