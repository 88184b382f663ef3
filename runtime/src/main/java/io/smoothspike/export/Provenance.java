package io.smoothspike.export;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where results come from: the SmoothSpike version (baked in at build time) and the git commit of the sources, which
 * the launcher {@code ./smoothspike} passes as the system property {@value #COMMIT_PROPERTY} when it runs from a
 * clone ({@code git rev-parse HEAD}, with {@code -dirty} appended when tracked sources differ from it). Either is
 * {@code "unknown"} where it cannot be known, e.g. in an application that embeds the library; nothing here fails.
 */
public final class Provenance {

    /** The system property holding the git commit. */
    public static final String COMMIT_PROPERTY = "smoothspike.commit";
    /** What an unknown version or commit reads. */
    public static final String UNKNOWN = "unknown";

    private Provenance() {
    }

    /** The SmoothSpike version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        try (InputStream in = Provenance.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", UNKNOWN);
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    /** The git commit the launcher passed, or {@value #UNKNOWN}. */
    public static String commit() {
        String c = System.getProperty(COMMIT_PROPERTY, "").strip();
        return c.matches("[0-9a-f]{7,64}(-dirty)?") ? c : UNKNOWN;
    }

    /** {@code smoothspike_version}, {@code git_commit} and {@code java_version}, for metrics and exports. */
    public static Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("smoothspike_version", version());
        m.put("git_commit", commit());
        m.put("java_version", System.getProperty("java.version", UNKNOWN));
        return m;
    }
}
