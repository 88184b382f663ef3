package io.smoothspike.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Training progress: on a terminal a bar redrawn in place with rate and ETA; otherwise (CI, files) a plain line
 * about every 5 % of the run.
 */
final class Progress {

    private final PrintStream out;
    private final long total;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private final long startStep;
    private long lastLine = -1;

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
            long every = Math.max(1, total / 20);
            if (step == total || step / every != lastLine) {
                lastLine = step / every;
                out.printf(Locale.ROOT, "step %d/%d (%.0f%%), %.2f steps/s, ETA %s, %s%n", step, total,
                        100.0 * step / Math.max(1, total), rate, clock(eta), status);
            }
        }
    }

    void line(String text) {
        if (out == null) {
            return;
        }
        if (terminal) {
            out.print("\r\033[K");
        }
        out.println(text);
    }

    private static String clock(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "--:--";
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
