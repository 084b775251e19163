package io.langop.operator.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeExtractorTest {

    private static final String SOURCE = """
      package agents;

      import io.langop.sdk.agent.Agent;

      public class NewsAgent {
        String greet() { return "hi"; }
      }""";

    @Test
    void takesTheJavaFenceOutOfChatter() {
        String answer = "Sure! Here is your agent:\n\n```java\n" + SOURCE + "\n```\n\nLet me know if you need changes.";
        assertThat(CodeExtractor.extract(answer)).contains(SOURCE);
    }

    @Test
    void prefersTheJavaBlockOverExplanationsInOtherFences() {
        String answer = "Plan:\n```text\n1. search\n2. summarise\n```\nCode:\n```java\n" + SOURCE
                + "\n```\nUsage:\n```bash\nkubectl apply -f agent.yaml\n```";
        assertThat(CodeExtractor.extract(answer)).contains(SOURCE);
    }

    @Test
    void ignoresJavaSnippetsThatDeclareNoType() {
        String answer = "Call it like this:\n```java\nagent.run();\n```\nFull file:\n```java\n" + SOURCE + "\n```";
        assertThat(CodeExtractor.extract(answer)).contains(SOURCE);
    }

    @Test
    void acceptsUntaggedAndTildeFences() {
        assertThat(CodeExtractor.extract("```\n" + SOURCE + "\n```")).contains(SOURCE);
        assertThat(CodeExtractor.extract("~~~java\n" + SOURCE + "\n~~~")).contains(SOURCE);
    }

    @Test
    void keepsAFenceTheTokenLimitCutOff() {
        assertThat(CodeExtractor.extract("```java\n" + SOURCE + "\n")).contains(SOURCE);
    }

    @Test
    void keepsTripleBackticksInsideTextBlocksOfTheCode() {
        String withTextBlock = SOURCE.replace(
                "String greet() { return \"hi\"; }",
                "String help() { return \"\"\"\n    use ``` fences\n    \"\"\"; }");
        // a four-backtick fence protects inner triple backticks, as Markdown specifies
        assertThat(CodeExtractor.extract("````java\n" + withTextBlock + "\n````"))
                .contains(withTextBlock);
    }

    @Test
    void takesBareCodeAfterChatter() {
        String answer = "Here is the agent you asked for.\n\n" + SOURCE + "\n\nIt runs every morning.";
        assertThat(CodeExtractor.extract(answer)).contains(SOURCE);
    }

    @Test
    void findsNothingInAnAnswerWithoutCode() {
        assertThat(CodeExtractor.extract("I cannot help with that.")).isEmpty();
        assertThat(CodeExtractor.extract("```text\njust prose\n```")).isEmpty();
        assertThat(CodeExtractor.extract("")).isEmpty();
        assertThat(CodeExtractor.extract(null)).isEmpty();
    }
}
