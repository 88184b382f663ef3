package io.smoothspike.repl;

import java.util.List;
import java.util.Locale;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;

/**
 * Lines that start with a dot ({@code .trial(10, 25)}) continue the snippet above them, so that fluent chains
 * written with leading dots work one line at a time as they do in one piece. Piped input and /load join such lines
 * to the snippet above before running it (see {@link InputReader}); interactively the snippet above has already run
 * when the line comes, so this class continues it without running it again:
 * <ul>
 * <li>a snippet the compiler rejected (nothing of it ran), or a bare variable name, is compiled again with the line
 * joined to it;</li>
 * <li>a variable declaration or an expression whose value is a chain head ({@link ChainHead}) gets the line applied
 * to that value: {@code var b = network("n")} then {@code .trial(10, 25)} leaves {@code b} holding
 * {@code network("n").trial(10, 25)}, declared as the joined source would declare it; an expression gives a new
 * {@code $N}. The variable changes only when the line ran without failing;</li>
 * <li>anything else (a statement, a method, a snippet that threw, a command) cannot be continued: an error says
 * so.</li>
 * </ul>
 */
final class LeadingDot {

    private final SnippetEvaluator evaluator;
    /** The snippet above, null after a command. */
    private Snippet snippet;
    /** Its source as the user wrote it, with the leading-dot lines that continued it. */
    private String source;
    /** Whether it threw an exception. */
    private boolean threw;

    LeadingDot(SnippetEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** True for a line that continues the snippet above: it starts with a dot not followed by a digit. */
    static boolean continues(String line) {
        String t = line.stripLeading();
        return t.startsWith(".") && !(t.length() > 1 && Character.isDigit(t.charAt(1)));
    }

    /** Notes the outcome of an input that was not a leading-dot line. */
    void remember(SnippetEvaluator.Outcome o) {
        snippet = o.last();
        source = o.lastSource();
        threw = o.failure() != null && snippet != null && evaluator.status(snippet) != Snippet.Status.REJECTED;
    }

    /** Notes that the input above was a command. */
    void forget() {
        snippet = null;
    }

    /** Continues the snippet above with {@code line} (which {@link #continues}). */
    SnippetEvaluator.Outcome extend(String line) {
        if (snippet == null) {
            return failed("there is no snippet above it to continue");
        }
        if (threw) {
            return failed("the snippet above it failed");
        }
        String joined = source.stripTrailing() + "\n" + line.strip();
        Snippet.Status status = evaluator.status(snippet);
        if (status == Snippet.Status.REJECTED || snippet.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND) {
            SnippetEvaluator.Outcome o = evaluator.eval(joined);
            remember(o);
            return o;
        }
        if (!(snippet instanceof VarSnippet) || status != Snippet.Status.VALID) {
            String kind = snippet.kind().name().toLowerCase(Locale.ROOT).replace("type_decl", "type declaration");
            return failed("the snippet above it (" + (status == Snippet.Status.VALID ? "a" : "an unusable") + " "
                    + kind + ") has no value to continue");
        }
        boolean expression = snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
        ChainHead head = ChainHead.of(source, expression);
        if (head == null) {
            return failed("the snippet above it does not end in a call, a name or new …(…) that the line would "
                    + "extend as a whole (in \"a\" + b, .m() would apply to b alone)");
        }
        String type = evaluator.analysis().analyzeType(head.expression(), head.expression().length());
        if (type == null) {
            return failed("the type of " + head.expression() + " is unknown");
        }
        SnippetEvaluator.Outcome o = evaluator.extend(((VarSnippet) snippet).name(), type, head.prefix(),
                line.strip(), joined);
        if (o.ok()) {
            snippet = o.last();
            source = joined;
        }
        return o;
    }

    private static SnippetEvaluator.Outcome failed(String why) {
        return new SnippetEvaluator.Outcome(List.of(), Failure.of("error: a line starting with '.' "
                + "continues the snippet above it, but " + why + "; write the chain in one snippet, or end the line "
                + "above with '.'"), false, null, null);
    }
}
