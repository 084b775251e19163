package io.langop.tool.email.inbox;

import io.langop.tool.email.InvalidParameterException;

/**
 * Stable handle of one message: folder, the folder's UIDVALIDITY and the message UID. Unlike a sequence
 * number it survives other messages arriving or being deleted, and a rebuilt folder (new UIDVALIDITY) is
 * detected instead of silently reading another message.
 */
public record MessageId(String folder, long uidValidity, long uid) {

    @Override
    public String toString() {
        return folder + ":" + uidValidity + ":" + uid;
    }

    /** Parses from the right, because folder names may themselves contain ':'. */
    public static MessageId parse(String parameter, String value) {
        String text = value == null ? "" : value.strip();
        int uidSeparator = text.lastIndexOf(':');
        int validitySeparator = uidSeparator > 0 ? text.lastIndexOf(':', uidSeparator - 1) : -1;
        if (validitySeparator <= 0) {
            throw malformed(parameter, text);
        }
        try {
            return new MessageId(
                    text.substring(0, validitySeparator),
                    Long.parseUnsignedLong(text.substring(validitySeparator + 1, uidSeparator)),
                    Long.parseUnsignedLong(text.substring(uidSeparator + 1)));
        } catch (NumberFormatException e) {
            throw malformed(parameter, text);
        }
    }

    private static InvalidParameterException malformed(String parameter, String text) {
        return new InvalidParameterException(
                parameter,
                "'" + text + "' is not a message id; use an ID shown by list_emails (like INBOX:1700000000:42)");
    }
}
