package io.smoothspike.repl;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.jshell.SourceCodeAnalysis;

/**
 * The documentation that Shift-Tab shows: the signatures of the method at the cursor from
 * {@link SourceCodeAnalysis#documentation}, each with its Javadoc. JShell (JDK 17) looks for Javadoc only in the
 * JDK's {@code src.zip}, so the Javadoc of SmoothSpike's own methods is read here from the project's sources
 * ({@code shell/src/main/java}, {@code dsl/src/main/java} and {@code runtime/src/main/java} of the checkout the REPL
 * runs from, or the folders in the system property {@code smoothspike.sources}); without sources only the signatures
 * are shown.
 */
final class DocLookup {

    private static final Pattern SIGNATURE = Pattern.compile("([\\w$.]+)\\.([\\w$]+)\\((.*)\\)\\s*$");

    private final List<Path> roots;
    private Map<String, Path> files;

    DocLookup(List<Path> roots) {
        this.roots = roots;
    }

    /** Looks in the sources of the checkout this class was loaded from, or in {@code smoothspike.sources}. */
    static DocLookup ofProject() {
        List<Path> roots = new ArrayList<>();
        String given = System.getProperty("smoothspike.sources");
        if (given != null) {
            for (String p : given.split(java.io.File.pathSeparator)) {
                roots.add(Path.of(p));
            }
        } else {
            try {
                // shell/target/classes or shell/target/smoothspike-shell-*.jar
                Path here = Path.of(DocLookup.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                Path project = here.getParent().getParent().getParent();
                roots.add(project.resolve("shell/src/main/java"));
                roots.add(project.resolve("dsl/src/main/java"));
                roots.add(project.resolve("runtime/src/main/java"));
            } catch (URISyntaxException | RuntimeException e) {
                // no code source: signatures only
            }
        }
        roots.removeIf(r -> !Files.isDirectory(r));
        return new DocLookup(roots);
    }

    /** Text blocks for the method at {@code cursor} in {@code code}: signature, then Javadoc if found. */
    List<String> at(SourceCodeAnalysis analysis, String code, int cursor) {
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(code, cursor, true);
        if (docs.isEmpty() && cursor > 0 && Character.isJavaIdentifierPart(code.charAt(cursor - 1))) {
            docs = analysis.documentation(code.substring(0, cursor) + "(", cursor + 1, true);
        }
        List<String> out = new ArrayList<>();
        for (SourceCodeAnalysis.Documentation d : docs) {
            String javadoc = d.javadoc() != null ? d.javadoc() : javadoc(d.signature()).orElse(null);
            out.add(javadoc == null ? d.signature() : d.signature() + "\n" + indent(javadoc));
        }
        return out;
    }

    /** The Javadoc of the method with JShell's {@code signature} ("Type Owner.name(Type a, …)"), as plain text. */
    Optional<String> javadoc(String signature) {
        Matcher m = SIGNATURE.matcher(signature.replaceFirst("^.*\\s(?=[\\w$.]+\\()", ""));
        if (!m.find()) {
            return Optional.empty();
        }
        String owner = null;
        for (String part : m.group(1).split("\\.")) {
            if (!part.isEmpty() && Character.isUpperCase(part.charAt(0))) {
                owner = part; // the outermost class names the file
                break;
            }
        }
        Path file = owner == null ? null : sourceFiles().get(owner);
        if (file == null) {
            return Optional.empty();
        }
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        List<String> wanted = types(m.group(3));
        Pattern decl = Pattern.compile("/\\*\\*((?:[^*]|\\*(?!/))*)\\*/\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*[^;{}=/]*?\\b"
                + Pattern.quote(m.group(2)) + "\\s*\\(([^)]*)\\)");
        Matcher d = decl.matcher(source);
        while (d.find()) {
            if (types(d.group(2)).equals(wanted)) {
                return Optional.of(plain(d.group(1)));
            }
        }
        return Optional.empty();
    }

    private synchronized Map<String, Path> sourceFiles() {
        if (files == null) {
            files = new HashMap<>();
            for (Path root : roots) {
                try (Stream<Path> s = Files.walk(root)) {
                    s.filter(p -> p.toString().endsWith(".java")).forEach(p ->
                            files.putIfAbsent(p.getFileName().toString().replaceFirst("\\.java$", ""), p));
                } catch (IOException e) {
                    // unreadable root: skip
                }
            }
        }
        return files;
    }

    /** Parameter types of a parameter list, without names, packages, annotations, {@code final} and blanks. */
    static List<String> types(String params) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= params.length(); i++) {
            char c = i < params.length() ? params.charAt(i) : ',';
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                String p = params.substring(start, i).replaceAll("@\\w+", "").replaceAll("\\bfinal\\b", "").strip();
                if (!p.isEmpty()) {
                    p = p.replaceFirst("\\s*[\\w$]+$", ""); // the name
                    out.add(p.replaceAll("(?:[a-z_$][\\w$]*\\.)+", "").replaceAll("\\s+", ""));
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** A Javadoc comment's body as plain text: no leading stars, inline tags reduced to their text, no HTML. */
    static String plain(String comment) {
        StringBuilder sb = new StringBuilder();
        for (String line : comment.split("\n")) {
            sb.append(line.replaceFirst("^\\s*\\*? ?", "")).append('\n');
        }
        String text = inlineTags(sb.toString());
        text = text.replaceAll("(?i)<p>", "\n").replaceAll("(?i)</?(pre|code|em|b|i|ul|ol|li|br|tt)\\s*/?>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return text.replaceAll("\n{3,}", "\n\n").strip();
    }

    /** {@code {@code x}} → x, {@code {@link A#m(int) label}} → label (or A.m), with nested braces kept. */
    private static String inlineTags(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("{@", i)) {
                int depth = 0;
                int j = i;
                for (; j < text.length(); j++) {
                    char c = text.charAt(j);
                    if (c == '{') {
                        depth++;
                    } else if (c == '}' && --depth == 0) {
                        break;
                    }
                }
                String body = text.substring(i + 2, Math.min(j, text.length()));
                int sp = body.indexOf(' ');
                String tag = sp < 0 ? body : body.substring(0, sp);
                String arg = sp < 0 ? "" : body.substring(sp + 1).strip();
                if (tag.equals("link") || tag.equals("linkplain") || tag.equals("value")) {
                    int label = arg.indexOf(' ', arg.indexOf(')') + 1);
                    arg = label > 0 ? arg.substring(label + 1) : arg.replaceFirst("^#", "").replace('#', '.');
                }
                out.append(arg);
                i = j + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private static String indent(String text) {
        return "    " + text.replace("\n", "\n    ");
    }
}
