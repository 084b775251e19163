package io.langop.tool.email.inbox;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/** The readable text of a MIME message and the names of its attachments. */
record MessageText(String body, List<String> attachments) {

    static MessageText of(Part message) throws MessagingException, IOException {
        StringBuilder body = new StringBuilder();
        List<String> attachments = new ArrayList<>();
        collect(message, body, attachments);
        return new MessageText(body.toString().strip(), List.copyOf(attachments));
    }

    private static void collect(Part part, StringBuilder body, List<String> attachments)
            throws MessagingException, IOException {
        if (isAttachment(part)) {
            attachments.add(part.getFileName() != null ? part.getFileName() : baseType(part));
        } else if (part.isMimeType("multipart/alternative")) {
            collect(preferredAlternative((Multipart) part.getContent()), body, attachments);
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), body, attachments);
            }
        } else if (part.isMimeType("text/plain")) {
            appendBlock(body, decodedText(part));
        } else if (part.isMimeType("text/html")) {
            appendBlock(body, htmlToText(decodedText(part)));
        } else {
            attachments.add(baseType(part));
        }
    }

    /** A sender naming a charset Java does not know still gets read, as UTF-8, rather than failing the message. */
    private static String decodedText(Part part) throws MessagingException, IOException {
        try {
            return part.getContent().toString();
        } catch (UnsupportedEncodingException e) {
            try (var in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private static boolean isAttachment(Part part) throws MessagingException {
        return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                || (part.getFileName() != null && !part.isMimeType("multipart/*"));
    }

    /** Plain text is what the model reads best; HTML only when the sender offered nothing else. */
    private static Part preferredAlternative(Multipart alternatives) throws MessagingException {
        BodyPart fallback = alternatives.getBodyPart(alternatives.getCount() - 1);
        for (int i = 0; i < alternatives.getCount(); i++) {
            if (alternatives.getBodyPart(i).isMimeType("text/plain")) {
                return alternatives.getBodyPart(i);
            }
        }
        return fallback;
    }

    private static String baseType(Part part) throws MessagingException {
        String type = part.getContentType();
        int parameters = type.indexOf(';');
        return (parameters < 0 ? type : type.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }

    private static void appendBlock(StringBuilder body, String text) {
        if (!body.isEmpty()) {
            body.append("\n\n");
        }
        body.append(text.strip());
    }

    /** Keeps paragraph and line structure, which {@code Element.text()} would flatten into one line. */
    static String htmlToText(String html) {
        var document = Jsoup.parse(html);
        document.select("script, style, head").remove();
        StringBuilder text = new StringBuilder();
        document.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.text());
                } else if (node instanceof Element element && element.nameIs("br")) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element
                        && element.isBlock()
                        && !text.isEmpty()
                        && text.charAt(text.length() - 1) != '\n') {
                    text.append('\n');
                }
            }
        });
        return text.toString()
                .replaceAll("[ \\t]+\\n", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }
}
