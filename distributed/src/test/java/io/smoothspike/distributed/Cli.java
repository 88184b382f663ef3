package io.smoothspike.distributed;

import io.smoothspike.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the command line in-process through {@link Main#run} and captures what it prints. */
record Cli(int status, String out, String err) {

    static Cli run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs the command line as {@link #run} does, with what it prints on {@code System.err} in {@link #err}. */
    static Cli runCapturingSystemErr(String... args) {
        PrintStream before = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        Cli c;
        try {
            c = run(args);
        } finally {
            System.setErr(before);
        }
        return new Cli(c.status, c.out, c.err + err.toString(StandardCharsets.UTF_8));
    }

    /** The tiny training script of the tests (parameters seed, trials, neurons, stopAfter). */
    static String tinyScript() {
        return script("tiny.groovy");
    }

    /** A script of the tests' resources, by file name. */
    static String script(String name) {
        try {
            return Path.of(Cli.class.getResource("/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "status " + status + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
