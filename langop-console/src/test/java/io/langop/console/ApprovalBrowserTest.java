package io.langop.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.langop.console.testing.Chromium;
import io.langop.console.testing.TestAgent;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.mcp.TestMcpServer;
import io.langop.sdk.mcp.TestMcpServer.TestTool;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Tool calls in Debian's Chromium (skipped with a message where it is not installed): a real agent whose
 * {@code send_email} calls need approval and whose {@code who_is_on_call} runs freely, a scripted LLM that asks for
 * the calls, the console holding the agent's approval token. A call the agent runs shows as a line while the answer
 * streams; the card of a pending one shows the tool, its redacted arguments and its state, survives a reload, and
 * Approve lets the chat go on; a call denied shows as a denied line under the answer that follows. The tests run in order: the first expects no e-mail sent before it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApprovalBrowserTest {

    private static final String TOKEN = "approval-token-of-helpdesk";
    /** Only people with a key: the page opens on the sign-in form. */
    private static final String SETTINGS = """
            {"name":"support","namespace":"apps",
             "agents":[{"name":"helpdesk","url":"%s","mode":"chat","approvalTokenEnv":"AGENT_HELPDESK_APPROVAL_TOKEN"}],
             "session":{"cookieConfig":{"secure":false}},
             "authentication":{"enabled":true,"requireAuthentication":true,"allowAnonymous":false,
               "providers":[{"name":"keys","type":"api-key","secretEnv":"AUTH_KEYS_SECRET"}]}}
            """;

    /** A tool that runs without approval, until the test lets it end. */
    private static final String FREE_TOOL = "who_is_on_call";

    private static final CountDownLatch ON_CALL_ANSWERS = new CountDownLatch(1);
    private static ScriptedOpenAiServer llm;
    private static TestMcpServer mcp;
    private static TestAgent agent;
    private static Console console;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Chromium.installed(), Chromium.MISSING);
        // the answer streams word by word, slowly enough to be seen while it is written
        llm = new ScriptedOpenAiServer().pauseBetweenChunks(Duration.ofMillis(120));
        mcp = TestMcpServer.start(
                TestTool.of(TestAgent.APPROVED_TOOL, "to", args -> "sent to " + args.get("to")),
                TestTool.blockingUntil(FREE_TOOL, "team", ON_CALL_ANSWERS));
        agent = TestAgent.startWithApproval("helpdesk", llm, mcp.url(), TOKEN);
        console = Console.start(
                ConsoleConfigFile.parse(SETTINGS.formatted(agent.url())),
                ConsoleApprovalTest.VARIABLES::get,
                0,
                null,
                null,
                Clock.systemUTC());
        chromium = Chromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        for (AutoCloseable each : new AutoCloseable[] {console, agent, mcp, llm}) {
            if (each != null) {
                each.close();
            }
        }
    }

    @Test
    @Order(1)
    void aPendingToolCallAppearsTheUserApprovesItAndTheAnswerCompletes() throws Exception {
        String arguments = "{\"to\":\"oncall@example.com\",\"token\":\"hunter2\"}";
        llm.thenToolCall("send_email", arguments)
                .thenToolCall("send_email", arguments)
                .thenText("I sent the e-mail.");
        ChromeDriver browser = chromium.driver();
        browser.get(console.uri().toString());
        browser.findElement(By.id("key")).sendKeys("sk-alice", Keys.ENTER);
        chromium.waitFor()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.className("who"), "Signed in as alice"));

        browser.findElement(By.id("prompt")).sendKeys("E-mail on-call that the database is down", Keys.ENTER);
        WebElement card = chromium.waitFor()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".turn.assistant .approval")));
        chromium.screenshot("console-approval");

        assertThat(card.getAttribute("aria-label")).isEqualTo("Tool call send_email waiting for approval");
        assertThat(card.findElement(By.cssSelector(".tool code")).getText()).isEqualTo("send_email");
        assertThat(card.findElement(By.className("state")).getText()).isEqualTo("waiting for approval");
        assertThat(card.findElement(By.tagName("pre")).getText())
                .contains("oncall@example.com")
                .doesNotContain("hunter2");
        WebElement approve = card.findElement(By.cssSelector("button.approve"));
        assertThat(approve.getAttribute("aria-label")).isEqualTo("Approve the call of send_email");
        assertThat(card.findElement(By.cssSelector("button.deny")).getAttribute("aria-label"))
                .isEqualTo("Deny the call of send_email");
        assertThat(mcp.calls()).isEmpty();

        chromium.script("arguments[0].scrollIntoView({block: 'center'})", approve);
        approve.click();
        chromium.waitFor()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".turn.assistant:last-child .body"), "I sent the e-mail."));
        chromium.waitFor()
                .until(driver ->
                        driver.findElements(By.cssSelector(".turn[aria-busy]")).isEmpty());
        chromium.screenshot("console-approved");

        assertThat(card.findElement(By.className("state")).getText()).isEqualTo("approved");
        assertThat(card.findElements(By.tagName("button"))).isEmpty();
        assertThat(card.findElement(By.className("note")).getText()).isEqualTo("Approved by keys:alice.");
        assertThat(browser.findElements(By.cssSelector(".turn.user")).getLast().getText())
                .contains("I approved the call of send_email; go on.");
        assertThat(mcp.calls()).containsExactly("send_email {to=oncall@example.com, token=hunter2}");
    }

    @Test
    @Order(2)
    void aToolCallTheAgentRunsShowsAsALineWhileTheAnswerStreamsIn() throws Exception {
        String answer = "Dana is on call for the database team until Friday morning, then Sam takes over.";
        llm.thenToolCall(FREE_TOOL, "{\"team\":\"database\",\"apiKey\":\"sk-live-0123456789abcdef\"}")
                .thenText(answer);
        newChatAsAlice();

        chromium.driver().findElement(By.id("prompt")).sendKeys("Who is on call for the database?", Keys.ENTER);
        WebElement line = chromium.waitFor()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".turn.assistant .tool-call")));
        assertThat(line.getText()).startsWith(FREE_TOOL).endsWith("running…");
        ON_CALL_ANSWERS.countDown();
        // the call's line says it is done while the answer is still being written under it
        chromium.waitFor()
                .pollingEvery(Duration.ofMillis(50))
                .until(driver -> line.getText().contains("done")
                        && "true"
                                .equals(line.findElement(By.xpath("ancestor::li[contains(@class,'turn')]"))
                                        .getAttribute("aria-busy"))
                        && !text(".turn.assistant:last-child .body").isEmpty()
                        && !text(".turn.assistant:last-child .body").equals(answer));
        chromium.screenshot("console-tool-call");
        chromium.waitFor()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".turn.assistant:last-child .body"), answer));

        assertThat(line.getAttribute("class")).isEqualTo("tool-call ok");
        assertThat(line.getText())
                .matches(FREE_TOOL + " \\{\"team\":\"database\",\"apiKey\":\"<redacted>\"\\} · done in \\d+ ms")
                .doesNotContain("sk-live");
        assertThat(chromium.driver()
                        .findElement(By.cssSelector(".turn.assistant:last-child .tool-calls"))
                        .getAttribute("aria-label"))
                .isEqualTo("Tool calls");

        chromium.driver().navigate().refresh();
        assertThat(chromium.waitFor()
                        .until(ExpectedConditions.visibilityOfElementLocated(
                                By.cssSelector(".turn.assistant:last-child .tool-call")))
                        .getText())
                .as("the call is kept with the answer")
                .startsWith(FREE_TOOL)
                .endsWith(" ms");
    }

    @Test
    @Order(3)
    void aPendingApprovalIsShownAgainAfterAReloadAndApprovingItThenResumesTheRun() throws Exception {
        String arguments = "{\"to\":\"dba@example.com\",\"password\":\"s3cret\"}";
        llm.thenToolCall("send_email", arguments)
                .thenToolCall("send_email", arguments)
                .thenText("I sent the e-mail to the DBA.");
        newChatAsAlice();
        int sentBefore = mcp.calls().size();
        chromium.driver().findElement(By.id("prompt")).sendKeys("E-mail the DBA that the disk is full", Keys.ENTER);
        chromium.waitFor()
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector(".turn.assistant:last-child .approval")));

        chromium.driver().navigate().refresh();
        WebElement card = chromium.waitFor()
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector(".turn.assistant:last-child .approval")));
        chromium.screenshot("console-approval-reloaded");

        assertThat(card.findElement(By.className("state")).getText()).isEqualTo("waiting for approval");
        assertThat(card.findElement(By.tagName("pre")).getText())
                .contains("dba@example.com")
                .doesNotContain("s3cret");
        assertThat(mcp.calls()).hasSize(sentBefore);
        WebElement approve = card.findElement(By.cssSelector("button.approve"));
        chromium.script("arguments[0].scrollIntoView({block: 'center'})", approve);
        approve.click();
        chromium.waitFor()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".turn.assistant:last-child .body"), "I sent the e-mail to the DBA."));

        assertThat(card.findElement(By.className("note")).getText()).isEqualTo("Approved by keys:alice.");
        assertThat(mcp.calls()).hasSize(sentBefore + 1);
        assertThat(mcp.calls().getLast()).startsWith("send_email").contains("to=dba@example.com");

        chromium.driver().navigate().refresh();
        WebElement decided =
                chromium.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".approval")));
        assertThat(decided.findElement(By.className("state")).getText())
                .as("a card loaded after the decision shows it, without buttons")
                .isEqualTo("approved");
        assertThat(decided.findElements(By.tagName("button"))).isEmpty();
    }

    @Test
    @Order(4)
    void aCallThePersonDeniedShowsAsADeniedLineUnderTheAnswerThatFollows() throws Exception {
        String arguments = "{\"to\":\"all@example.com\",\"token\":\"hunter2\"}";
        llm.thenToolCall("send_email", arguments)
                .thenToolCall("send_email", arguments)
                .thenText("I did not send it.");
        newChatAsAlice();
        int sentBefore = mcp.calls().size();
        chromium.driver()
                .findElement(By.id("prompt"))
                .sendKeys("E-mail everyone that the database is down", Keys.ENTER);
        WebElement card = chromium.waitFor()
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector(".turn.assistant:last-child .approval")));
        WebElement deny = card.findElement(By.cssSelector("button.deny"));
        chromium.script("arguments[0].scrollIntoView({block: 'center'})", deny);
        deny.click();
        chromium.waitFor()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".turn.assistant:last-child .body"), "I did not send it."));

        WebElement line = chromium.driver().findElement(By.cssSelector(".turn.assistant:last-child .tool-call"));
        chromium.script("arguments[0].scrollIntoView({block: 'center'})", line);
        chromium.screenshot("console-denied");
        assertThat(line.getAttribute("class")).isEqualTo("tool-call denied");
        assertThat(line.getText())
                .isEqualTo("send_email {\"to\":\"all@example.com\",\"token\":\"<redacted>\"} · denied");
        assertThat(mcp.calls()).hasSize(sentBefore);

        chromium.driver().navigate().refresh();
        assertThat(chromium.waitFor()
                        .until(ExpectedConditions.visibilityOfElementLocated(
                                By.cssSelector(".turn.assistant:last-child .tool-call")))
                        .getText())
                .as("the denied call is kept with the answer")
                .endsWith("· denied");
    }

    /** Alice signed in (again) on a fresh browser, in a new conversation. */
    private static void newChatAsAlice() {
        chromium.fresh();
        ChromeDriver browser = chromium.driver();
        browser.get(console.uri().toString());
        browser.findElement(By.id("key")).sendKeys("sk-alice", Keys.ENTER);
        chromium.waitFor()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.className("who"), "Signed in as alice"));
        browser.findElement(By.id("new-chat")).click();
    }

    private static String text(String css) {
        return chromium.driver().findElement(By.cssSelector(css)).getText();
    }
}
