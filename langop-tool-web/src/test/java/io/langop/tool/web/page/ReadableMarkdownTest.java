package io.langop.tool.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class ReadableMarkdownTest {

    @Test
    void withoutMainOrArticleTheBodyIsReadAndTheTitleHeadsIt() {
        String markdown = ReadableMarkdown.of(Jsoup.parse("""
        <html><head><title> Release notes </title></head><body>
          <div class="menu" role="navigation"><a href="/a">Menu</a></div>
          <p>Version <b>2.0</b> is out.<br>Upgrade soon.</p>
          <p><a href="javascript:void(0)">Click</a> or <a href="https://example.com/dl">download</a>.</p>
        </body></html>""", "https://example.com/notes"));

        assertThat(markdown).isEqualTo("""
        # Release notes

        Version 2.0 is out.
        Upgrade soon.

        Click or [download](https://example.com/dl).""");
    }

    @Test
    void theRichestArticleIsTheContent() {
        String markdown = ReadableMarkdown.of(Jsoup.parse("""
        <body>
          <article><h1>Teaser</h1><p>Short.</p></article>
          <article><h1>The story</h1><p>A much longer article body that is clearly the main content.</p></article>
        </body>"""));

        assertThat(markdown).isEqualTo("# The story\n\nA much longer article body that is clearly the main content.");
    }

    @Test
    void aPageOfOnlyChromeHasNoText() {
        assertThat(ReadableMarkdown.of(
                        Jsoup.parse("<body><nav>Home</nav><script>x()</script><footer>(c)</footer></body>")))
                .isEmpty();
    }
}
