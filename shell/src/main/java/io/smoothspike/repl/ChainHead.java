package io.smoothspike.repl;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The expression of a variable declaration or expression snippet, split off its declaration: in
 * {@code var b = network("n")} the prefix is {@code var b = } and the expression {@code network("n")}. Found only
 * when the expression is a chain head, i.e. one that a following {@code .method(…)} extends as a whole (a call, a
 * name, a field, {@code new …(…)}, a bracketed expression, an array element or a string), so that applying the
 * method to the expression's value is what the joined source means. Parsed with javac, nothing is compiled.
 */
record ChainHead(String prefix, String expression) {

    private static final Set<Tree.Kind> HEADS = Set.of(Tree.Kind.METHOD_INVOCATION, Tree.Kind.MEMBER_SELECT,
            Tree.Kind.IDENTIFIER, Tree.Kind.NEW_CLASS, Tree.Kind.PARENTHESIZED, Tree.Kind.ARRAY_ACCESS,
            Tree.Kind.STRING_LITERAL);
    /** Parse only; keep "a" + "b" as written, for "a" + "b".length() is not ("a" + "b").length(). */
    private static final List<String> OPTIONS = List.of("-proc:none", "-XDallowStringFolding=false");
    private static final String WRAP_START = "class ChainHead$ { void m() {\n";

    /**
     * The chain head of {@code source}, a declaration (or, when {@code expression} is true, an expression) as one
     * snippet; null when it has none or does not parse.
     */
    static ChainHead of(String source, boolean expression) {
        String body = expression ? "Object chainHead$ = " + source : source;
        String wrapped = WRAP_START + body + "\n;}}\n";
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> errors = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///ChainHead$.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return wrapped;
            }
        };
        JavacTask task = (JavacTask) javac.getTask(null, null, errors, OPTIONS, null, List.of(file));
        CompilationUnitTree unit;
        try {
            unit = task.parse().iterator().next();
        } catch (IOException e) {
            return null;
        }
        if (!errors.getDiagnostics().isEmpty() || unit.getTypeDecls().size() != 1
                || !(unit.getTypeDecls().get(0) instanceof ClassTree c) || c.getMembers().size() != 1
                || !(c.getMembers().get(0) instanceof MethodTree m) || m.getBody().getStatements().isEmpty()
                || !(m.getBody().getStatements().get(0) instanceof VariableTree v) || v.getInitializer() == null) {
            return null;
        }
        ExpressionTree init = v.getInitializer();
        if (!HEADS.contains(init.getKind())) {
            return null;
        }
        SourcePositions pos = Trees.instance(task).getSourcePositions();
        int offset = WRAP_START.length() + body.length() - source.length();
        int start = (int) pos.getStartPosition(unit, init) - offset;
        int end = (int) pos.getEndPosition(unit, init) - offset;
        if (start < 0 || end > source.length()) {
            return null;
        }
        return new ChainHead(expression ? "" : source.substring(0, start), source.substring(start, end));
    }
}
