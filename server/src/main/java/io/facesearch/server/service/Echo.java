package io.facesearch.server.service;

import io.facesearch.api.v1.ProtocolLimit;

/**
 * Client text quoted back in a message (an error's description, a log line). A caller may send a
 * megabyte where a name belongs: quoted whole it would become a status trailer larger than any
 * client accepts (grpc-java refuses headers over 8 KiB: "Header size exceeded") and a line that
 * floods the log. So at most {@link #MAX_CHARS} characters are kept, an ellipsis says the rest was
 * cut, and control characters (line breaks included) become {@code ?}, so one value stays one line.
 */
public final class Echo {
    /** The protocol's {@code MAX_ECHOED_CHARS}. */
    public static final int MAX_CHARS = ProtocolLimit.MAX_ECHOED_CHARS.getNumber();

    private Echo() {
    }

    /** The value between single quotes, cut to {@link #MAX_CHARS} characters plus an ellipsis. */
    public static String quote(String value) {
        return "'" + cut(value) + "'";
    }

    /** The value cut to {@link #MAX_CHARS} characters plus an ellipsis, control characters as {@code ?}. */
    public static String cut(String value) {
        if (value == null) {
            return "";
        }
        int end = Math.min(value.length(), MAX_CHARS);
        if (end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
            end--; // never half a character
        }
        StringBuilder b = new StringBuilder(end + 1);
        value.substring(0, end).codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        if (end < value.length()) {
            b.append('…');
        }
        return b.toString();
    }
}
