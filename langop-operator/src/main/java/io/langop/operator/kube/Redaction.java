package io.langop.operator.kube;

import java.util.regex.Pattern;

/**
 * Masks credentials in text the operator did not write itself (error messages of the API server,
 * webhooks, HTTP clients) before it reaches a status, an event or a log line: such text can echo a
 * request, and a request can carry a token, a password in a URL or a key a user put in a spec.
 */
public final class Redaction {

    public static final String MASK = "<redacted>";

    // user:password@ in a URL
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?<=://)[^/@\\s]+@");
    // Authorization header values
    private static final Pattern SCHEME_TOKEN = Pattern.compile("(?i)\\b(bearer|basic)(\\s+)[A-Za-z0-9._~+/=-]{4,}");
    // password=..., "apiKey": "...", client_secret: ..., X-Api-Key: ...
    private static final Pattern NAMED_CREDENTIAL =
            Pattern.compile("(?i)\\b([\\w.-]*(?:password|passwd|secret|token|api[_-]?key|private[_-]?key|credentials?))"
                    + "(\\\\?\"?\\s*[:=]\\s*\\\\?\"?)([^\\s\"\\\\,;&}]+)");
    // OpenAI-style keys, the secrets this operator's users have most
    private static final Pattern API_KEY = Pattern.compile("\\bsk-[A-Za-z0-9_-]{16,}");

    private Redaction() {}

    /** {@code text} with what looks like a credential replaced by {@value #MASK}; null stays null. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = URL_CREDENTIALS.matcher(text).replaceAll(MASK + "@");
        masked = SCHEME_TOKEN.matcher(masked).replaceAll("$1$2" + MASK);
        masked = NAMED_CREDENTIAL.matcher(masked).replaceAll("$1$2" + MASK);
        return API_KEY.matcher(masked).replaceAll(MASK);
    }
}
