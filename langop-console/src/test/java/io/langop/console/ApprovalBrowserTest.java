package io.langop.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.langop.console.testing.Chromium;
import io.langop.console.testing.TestAgent;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.mcp.TestMcpServer;
import io.langop.sdk.mcp.TestMcpServer.TestTool;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Approving a pending tool call in Debian's Chromium (skipped with a message where it is not installed): a real agent
 * whose {@code send_email} calls need approval, a scripted LLM that asks for the call, the console holding the
 * agent's approval token. The card shows the tool, its redacted arguments and its state; Approve lets the chat go on.
 */
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

    private static ScriptedOpenAiServer llm;
    private static TestMcpServer mcp;
    private static TestAgent agent;
    private static Console console;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Chromium.installed(), Chromium.MISSING);
        llm = new ScriptedOpenAiServer();
        mcp = TestMcpServer.start(TestTool.of(TestAgent.APPROVED_TOOL, "to", args -> "sent to " + args.get("to")));
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
}
