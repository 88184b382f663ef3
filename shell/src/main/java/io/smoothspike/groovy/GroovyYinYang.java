package io.smoothspike.groovy;

import io.smoothspike.data.DataSource;
import io.smoothspike.data.YinYang;
import java.util.Map;
import java.util.OptionalDouble;

/** The script word {@code yinyang(…)}: the Yin-Yang data set as a data source of exact input spike times. */
final class GroovyYinYang {

    private GroovyYinYang() {
    }

    /**
     * {@code yinyang(split: 'train')} (or 'validation', 'test'), or {@code yinyang(seed: 7, size: 300)}; the
     * encoding {@code early:}, {@code late:} (feature f spikes at early + (late − early)·f) and {@code bias:} (the
     * time of the reference channel's spike; {@code false} drops the channel) default to
     * {@link YinYang.Encoding#DEFAULT}.
     */
    static DataSource source(Map<String, Object> args) {
        NamedArgs a = new NamedArgs("yinyang", args, "split", "seed", "size", "early", "late", "bias");
        YinYang data;
        if (a.has("seed") || a.has("size")) {
            if (a.has("split")) {
                throw new IllegalArgumentException("yinyang: give split: (a published split) or seed: and size: "
                        + "(samples of one's own), not both");
            }
            data = YinYang.generate(a.seed("seed", 0), a.integer("size"));
        } else {
            data = YinYang.split(String.valueOf(a.has("split") ? a.raw("split") : "train"));
        }
        YinYang.Encoding d = YinYang.Encoding.DEFAULT;
        Object bias = a.raw("bias");
        OptionalDouble biasTime = !a.has("bias") ? d.bias()
                : Boolean.FALSE.equals(bias) ? OptionalDouble.empty() : OptionalDouble.of(a.number("bias"));
        return data.source(new YinYang.Encoding(a.number("early", d.early()), a.number("late", d.late()), biasTime));
    }
}
