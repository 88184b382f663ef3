package io.smoothspike.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

    @AfterEach
    void clear() {
        System.clearProperty(Provenance.COMMIT_PROPERTY);
    }

    @Test
    void versionIsTheBuildsVersion() {
        assertTrue(Provenance.version().matches("\\d+\\.\\d+\\.\\d+.*"), Provenance.version());
    }

    @Test
    void commitIsThePropertyTheLauncherPassesElseUnknown() {
        assertEquals("unknown", Provenance.commit());
        String sha = "0123456789abcdef0123456789abcdef01234567";
        System.setProperty(Provenance.COMMIT_PROPERTY, sha);
        assertEquals(sha, Provenance.commit());
        System.setProperty(Provenance.COMMIT_PROPERTY, sha + "-dirty");
        assertEquals(sha + "-dirty", Provenance.commit());
        System.setProperty(Provenance.COMMIT_PROPERTY, "not a commit; rm -rf");
        assertEquals("unknown", Provenance.commit());
        assertEquals("unknown", Provenance.toMap().get("git_commit"));
    }
}
