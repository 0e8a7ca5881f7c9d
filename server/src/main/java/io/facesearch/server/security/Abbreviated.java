package io.facesearch.server.security;

/** A client's string shortened before it goes into a message or a log line, so no caller can inflate either. */
public final class Abbreviated {
    /** Enough to recognise an id or a name. */
    private static final int MAX_CHARS = 64;

    private Abbreviated() {
    }

    public static String of(String text) {
        return of(text, MAX_CHARS);
    }

    /** At most {@code maxChars} of the text, and its length when it was cut. */
    public static String of(String text, int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, maxChars) + "...(" + text.length() + " chars)";
    }
}
