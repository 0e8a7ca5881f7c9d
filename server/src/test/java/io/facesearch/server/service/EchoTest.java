package io.facesearch.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EchoTest {

    @Test
    void cutsLongTextKeepsShortTextAndFlattensControlCharacters() {
        assertEquals("'abc'", Echo.quote("abc"));
        assertEquals("'" + "a".repeat(Echo.MAX_CHARS) + "…'", Echo.quote("a".repeat(1_000_000)));
        assertEquals("'a?b'", Echo.quote("a\nb"));
        // Never half of a surrogate pair.
        String emoji = "a".repeat(Echo.MAX_CHARS - 1) + "\uD83D\uDE00" + "b";
        assertEquals("'" + "a".repeat(Echo.MAX_CHARS - 1) + "…'", Echo.quote(emoji));
    }
}
