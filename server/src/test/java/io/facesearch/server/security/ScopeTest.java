package io.facesearch.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScopeTest {

    @Test
    void parsesAndPrintsTheWrittenForm() {
        for (String text : new String[] {"search:people", "enroll:*", "admin:*", "admin:a.b-c_1"}) {
            assertEquals(text, Scope.parse(text).toString());
        }
        for (String bad : new String[] {"search", "read:people", "search:", "search:two words", "Search:people", "admin:a:b"}) {
            assertThrows(IllegalArgumentException.class, () -> Scope.parse(bad), bad);
        }
    }

    @Test
    void enrollImpliesSearchAndAdminImpliesBoth() {
        Scope enroll = Scope.parse("enroll:people");
        assertTrue(enroll.grants(Permission.SEARCH, "people"));
        assertTrue(enroll.grants(Permission.ENROLL, "people"));
        assertFalse(enroll.grants(Permission.ADMIN, "people"));
        assertFalse(enroll.grants(Permission.SEARCH, "staff"));
        Scope admin = Scope.parse("admin:*");
        assertTrue(admin.grants(Permission.SEARCH, "anything"));
        assertTrue(admin.grants(Permission.ADMIN, Scope.ANY));
        assertFalse(Scope.parse("admin:people").grants(Permission.ADMIN, Scope.ANY), "one collection is not every collection");
        assertFalse(Scope.parse("search:*").grants(Permission.ENROLL, "people"));
    }
}
