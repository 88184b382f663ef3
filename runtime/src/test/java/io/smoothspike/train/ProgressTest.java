package io.smoothspike.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private static final Pattern STEP = Pattern.compile("^step (\\d+)");

    /** Off a terminal, 100 steps with an evaluation line every 10 steps, as the trainer prints them. */
    private static List<String> run() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Progress p = new Progress(out, 100, 0);
        p.line("step 0, loss 1");
        for (int step = 1; step <= 100; step++) {
            p.update(step, "loss 0.5");
            if (step % 10 == 0) {
                p.line("step " + step + ", loss 0.5");
            }
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void offATerminalEachStepPrintsOneLine() {
        List<String> lines = run();
        List<Long> steps = lines.stream().map(STEP::matcher).filter(Matcher::find)
                .map(m -> Long.parseLong(m.group(1))).toList();
        assertEquals(lines.size(), steps.size(), String.join("\n", lines));
        assertEquals(steps.size(), steps.stream().distinct().count(), "a step printed twice:\n"
                + String.join("\n", lines));
    }

    @Test
    void progressDueAtAnEvaluationRidesOnItsLineAndOtherwiseStandsAlone() {
        List<String> lines = run();
        String all = String.join("\n", lines);
        // progress is due every 5 steps (and at step 1); at multiples of 10 it joins the evaluation line
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("step 10, loss 0.5 (10%, ")
                && l.contains(" steps/s, ETA ")), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("step 15/100 (15%), ") && l.endsWith(", loss 0.5")), all);
        assertTrue(lines.get(lines.size() - 1).startsWith("step 100, loss 0.5 (100%, "), all);
        assertEquals(1 + 10 + 11, lines.size(), all); // first evaluation, 10 evaluations, progress at 1, 5, 15, ..., 95
    }
}
