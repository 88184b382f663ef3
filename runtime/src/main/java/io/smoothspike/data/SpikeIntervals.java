package io.smoothspike.data;


/**
 * A temporal classification task whose class is carried by the interval between two input spikes, further apart than
 * the neurons integrate: learnable synaptic delays can bring the two spikes into coincidence, a network without delays
 * has to remember the first one across the gap.
 *
 * <p>Channel 0 (A) and channel 1 (B) spike once per trial; the class k of a trial (0 … K − 1) sets the nominal interval
 * between them, the gap g_k = {@code shortestGap} + k·{@code gapStep}. With o = j + S·u₀, where S is
 * {@code onsetSpread}, j the {@code jitter} and u₀, u₁, u₂ … draws uniform in [0, 1):
 * <pre>
 *     t_A = o + j (2u₁ − 1),        t_B = o + g_k + j (2u₂ − 1)
 * </pre>
 * so that t_A, in [0, S + 2j], has the same distribution whatever the class, and t_B − t_A lies within 2j of
 * g_k. Each of the {@code distractors} further channels spikes once at a uniform time in
 * [0, {@link Settings#latest}], independent of the class. Trial i has class i mod K (the classes are balanced in
 * every K consecutive trials, so chance level is 1/K); the draws of a trial are u₀, u₁, u₂ and then one per distractor, in that order, from numpy's legacy
 * {@code RandomState(seed).rand()} ({@link LegacyNumpyRandom}): the same seed gives the same trials, bit for bit.
 */
public final class SpikeIntervals {

    /**
     * The task's shape: K = {@code classes} gaps from {@code shortestGap} in steps of {@code gapStep}, onsets spread
     * over {@code onsetSpread}, each spike moved by up to ±{@code jitter}, and {@code distractors} uninformative
     * channels. Times are in units of the neurons' τ.
     */
    public record Settings(int classes, double shortestGap, double gapStep, double onsetSpread, double jitter,
                           int distractors) {

        /** Four classes, gaps 4, 6, 8, 10; onsets over [0, 8]; jitter ±0.2; no distractors. */
        public static final Settings DEFAULT = new Settings(4, 4.0, 2.0, 8.0, 0.2, 0);

        /**
         * Checks that there are at least two classes, the gaps are positive, spread and jitter finite and ≥ 0, and
         * that the jitter leaves the classes apart (4·jitter &lt; gapStep: the nearest gap to t_B − t_A is the class).
         */
        public Settings {
            if (classes < 2) {
                throw new IllegalArgumentException("spike intervals: classes " + classes + "; give at least 2");
            }
            if (!(shortestGap > 0) || !(gapStep > 0) || Double.isInfinite(shortestGap + gapStep)) {
                throw new IllegalArgumentException("spike intervals: shortestGap " + shortestGap + " and gapStep "
                        + gapStep + " must be finite and > 0");
            }
            if (!(onsetSpread >= 0) || !(jitter >= 0) || Double.isInfinite(onsetSpread + jitter)) {
                throw new IllegalArgumentException("spike intervals: onsetSpread " + onsetSpread + " and jitter "
                        + jitter + " must be finite and >= 0");
            }
            if (!(4 * jitter < gapStep)) {
                throw new IllegalArgumentException("spike intervals: jitter " + jitter + " would let neighbouring "
                        + "classes overlap; keep 4 * jitter < gapStep (" + gapStep + ")");
            }
            if (distractors < 0) {
                throw new IllegalArgumentException("spike intervals: distractors " + distractors + "; give 0 or more");
            }
        }

        /** The nominal interval t_B − t_A of class k. */
        public double gap(int k) {
            return shortestGap + k * gapStep;
        }

        /** The latest time any spike can have: onsetSpread + 2·jitter + the longest gap. */
        public double latest() {
            return onsetSpread + 2 * jitter + gap(classes - 1);
        }

        /** Number of input channels: A, B and the distractors. */
        public int channels() {
            return 2 + distractors;
        }

        /** The class whose gap is nearest to {@code interval} (the lower on a tie): the rule that defines the label. */
        public int classOf(double interval) {
            long k = Math.round((interval - shortestGap) / gapStep);
            return (int) Math.max(0, Math.min(classes - 1, k));
        }
    }

    /** The fixed splits: seed and size. */
    public enum Split implements GeneratedSplit {
        TRAIN(2001, 2000),
        VALIDATION(2002, 400),
        TEST(2003, 1000);

        private final long seed;
        private final int size;

        Split(long seed, int size) {
            this.seed = seed;
            this.size = size;
        }

        @Override
        public long seed() {
            return seed;
        }

        @Override
        public int size() {
            return size;
        }

        /** The split named {@code name} (train, validation or test). */
        public static Split named(String name) {
            return GeneratedSplit.named(values(), name, "spike intervals:");
        }
    }

    private final Settings settings;
    private final double[][][] times;
    private final int[] labels;

    private SpikeIntervals(Settings settings, double[][][] times, int[] labels) {
        this.settings = settings;
        this.times = times;
        this.labels = labels;
    }

    /** One of the fixed splits with the given settings. */
    public static SpikeIntervals split(Settings settings, Split split) {
        return generate(settings, split.seed(), split.size());
    }

    /** {@code n} trials drawn from {@code RandomState(seed)}, seed in [0, 2³² − 1] (see the class comment). */
    public static SpikeIntervals generate(Settings settings, long seed, int n) {
        if (settings == null) {
            throw new IllegalArgumentException("spike intervals: give the settings (Settings.DEFAULT for the default)");
        }
        if (n < 0) {
            throw new IllegalArgumentException("spike intervals: cannot generate " + n + " trials");
        }
        LegacyNumpyRandom random = new LegacyNumpyRandom(seed);
        double j = settings.jitter();
        double[][][] times = new double[n][][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int k = i % settings.classes();
            double onset = j + settings.onsetSpread() * random.rand();
            double[][] t = new double[settings.channels()][];
            t[0] = new double[] {onset + j * (2 * random.rand() - 1)};
            t[1] = new double[] {onset + settings.gap(k) + j * (2 * random.rand() - 1)};
            for (int c = 2; c < t.length; c++) {
                t[c] = new double[] {settings.latest() * random.rand()};
            }
            times[i] = t;
            labels[i] = k;
        }
        return new SpikeIntervals(settings, times, labels);
    }

    /** The settings the trials were drawn with. */
    public Settings settings() {
        return settings;
    }

    /** Number of trials. */
    public int size() {
        return labels.length;
    }

    /** Class of trial i. */
    public int label(int i) {
        return labels[i];
    }

    /** The spike times of trial i, one spike per channel: A, B, then the distractors (a copy). */
    public double[][] times(int i) {
        double[][] copy = new double[times[i].length][];
        for (int c = 0; c < copy.length; c++) {
            copy[c] = times[i][c].clone();
        }
        return copy;
    }

    /** t_B − t_A of trial i. */
    public double interval(int i) {
        return times[i][1][0] - times[i][0][0];
    }

    /** The trials as a data source of exact input spike times, with their labels. */
    public DataSource source() {
        return DataSource.of(times, labels);
    }
}
