package io.smoothspike.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Training progress: on a terminal a bar redrawn in place with rate and ETA; otherwise (CI, files) a plain line
 * about every 5 % of the run. Off a terminal, a progress line due at a step that also prints an evaluation line is
 * not printed on its own but appended to that line, so every step prints at most one line.
 */
final class Progress {

    private final PrintStream out;
    private final long total;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private final long startStep;
    private long lastLine = -1;
    /** Off a terminal: the progress line of the last step, held back until it is known whether a line follows. */
    private String pendingLine;
    /** The same progress as a suffix of that step's evaluation line. */
    private String pendingSuffix;

    Progress(PrintStream out, long total, long startStep) {
        this.out = out;
        this.total = total;
        this.startStep = startStep;
        this.terminal = System.console() != null && out == System.out;
    }

    void update(long step, String status) {
        if (out == null) {
            return;
        }
        double elapsed = (System.nanoTime() - start) * 1e-9;
        double rate = (step - startStep) / Math.max(elapsed, 1e-9);
        double eta = rate > 0 ? (total - step) / rate : Double.NaN;
        if (terminal) {
            int width = 30;
            int filled = (int) (width * step / Math.max(1, total));
            out.printf(Locale.ROOT, "\r[%s%s] %3d%% %d/%d steps %.2f steps/s ETA %s %s", "=".repeat(filled),
                    " ".repeat(width - filled), 100 * step / Math.max(1, total), step, total, rate, clock(eta), status);
            if (step == total) {
                out.println();
            }
            out.flush();
        } else {
            printPending();
            long every = Math.max(1, total / 20);
            if (step == total || step / every != lastLine) {
                lastLine = step / every;
                String percent = String.format(Locale.ROOT, "%.0f%%", 100.0 * step / Math.max(1, total));
                String speed = String.format(Locale.ROOT, "%.2f steps/s, ETA %s", rate, clock(eta));
                pendingLine = "step " + step + "/" + total + " (" + percent + "), " + speed + ", " + status;
                pendingSuffix = " (" + percent + ", " + speed + ")";
            }
        }
    }

    /** Prints a line (an evaluation) about the step last passed to {@link #update}. */
    void line(String text) {
        if (out == null) {
            return;
        }
        if (terminal) {
            out.print("\r\033[K");
        }
        out.println(pendingSuffix == null ? text : text + pendingSuffix);
        pendingLine = null;
        pendingSuffix = null;
    }

    private void printPending() {
        if (pendingLine != null) {
            out.println(pendingLine);
            pendingLine = null;
            pendingSuffix = null;
        }
    }

    private static String clock(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "--:--";
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
