package io.smoothspike.groovy;

import io.smoothspike.data.DataSource;
import io.smoothspike.data.SpikeIntervals;
import java.util.Map;

/** The script word {@code spikeIntervals(…)}: the interval task of {@link SpikeIntervals} as a data source. */
final class GroovySpikeIntervals {

    private GroovySpikeIntervals() {
    }

    /**
     * {@code spikeIntervals(split: 'train')} (or 'validation', 'test'), or {@code spikeIntervals(seed: 7, size: 300)};
     * {@code classes:}, {@code shortestGap:}, {@code gapStep:}, {@code onsetSpread:}, {@code jitter:} and
     * {@code distractors:} default to {@link SpikeIntervals.Settings#DEFAULT}.
     */
    static DataSource source(Map<String, Object> args) {
        NamedArgs a = new NamedArgs("spikeIntervals", args, "split", "seed", "size", "classes", "shortestGap",
                "gapStep", "onsetSpread", "jitter", "distractors");
        SpikeIntervals.Settings d = SpikeIntervals.Settings.DEFAULT;
        SpikeIntervals.Settings settings = new SpikeIntervals.Settings(a.integer("classes", d.classes()),
                a.number("shortestGap", d.shortestGap()), a.number("gapStep", d.gapStep()),
                a.number("onsetSpread", d.onsetSpread()), a.number("jitter", d.jitter()),
                a.integer("distractors", d.distractors()));
        if (a.has("seed") || a.has("size")) {
            if (a.has("split")) {
                throw new IllegalArgumentException("spikeIntervals: give split: (a fixed split) or seed: and size: "
                        + "(trials of one's own), not both");
            }
            return SpikeIntervals.generate(settings, a.seed("seed", 0), a.integer("size")).source();
        }
        SpikeIntervals.Split split = SpikeIntervals.Split.named(String.valueOf(a.has("split") ? a.raw("split")
                : "train"));
        return SpikeIntervals.split(settings, split).source();
    }
}
