package io.langop.tool.web.page;

import io.langop.tool.web.egress.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A fetched body, classified by what the web tools can do with it: an HTML document, plain text
 * (JSON, XML, CSV, ... are text too), or binary content, which is refused rather than shown.
 */
public sealed interface PageContent {

    record Html(Document document, String source) implements PageContent {}

    record Text(String text) implements PageContent {}

    record Binary(String mediaType) implements PageContent {}

    static PageContent of(Response response) {
        String contentType = response.contentType().orElse("");
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        Optional<Charset> declared = charsetParameter(contentType);
        byte[] body = response.body();
        if (mediaType.equals("text/html")
                || mediaType.equals("application/xhtml+xml")
                || (mediaType.isEmpty() && looksLikeHtml(body))) {
            return html(body, declared, response.uri().toString());
        }
        if (isText(mediaType) || (mediaType.isEmpty() && !looksBinary(body))) {
            return new Text(new String(body, declared.orElse(StandardCharsets.UTF_8)));
        }
        return new Binary(mediaType.isEmpty() ? "unknown binary content" : mediaType);
    }

    /**
     * The charset of the Content-Type header wins (as HTML specifies); without one, jsoup honours a
     * byte-order mark or {@code <meta charset>} and falls back to UTF-8.
     */
    private static Html html(byte[] body, Optional<Charset> declared, String baseUri) {
        try {
            Document document = Jsoup.parse(
                    new ByteArrayInputStream(body), declared.map(Charset::name).orElse(null), baseUri);
            Charset used = document.charset();
            return new Html(document, new String(body, used));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isText(String mediaType) {
        return mediaType.startsWith("text/")
                || mediaType.endsWith("+json")
                || mediaType.endsWith("+xml")
                || Set.of(
                                "application/json",
                                "application/xml",
                                "application/javascript",
                                "application/ecmascript",
                                "application/yaml",
                                "application/x-yaml",
                                "application/toml",
                                "application/x-sh",
                                "application/x-ndjson",
                                "application/graphql")
                        .contains(mediaType);
    }

    private static Optional<Charset> charsetParameter(String contentType) {
        for (String parameter : contentType.split(";", -1)) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                try {
                    return Optional.of(Charset.forName(pair[1].trim().replace("\"", "")));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return Optional.empty(); // an unknown name is no declaration: detect instead
                }
            }
        }
        return Optional.empty();
    }

    private static boolean looksLikeHtml(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1)
                .stripLeading()
                .toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body");
    }

    private static boolean looksBinary(byte[] body) {
        for (int i = 0; i < Math.min(body.length, 1024); i++) {
            if (body[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
