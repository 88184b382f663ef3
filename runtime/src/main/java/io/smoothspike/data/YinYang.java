package io.smoothspike.data;

import java.util.OptionalDouble;

/**
 * The Yin-Yang data set (Kriener, Göltz and Petrovici 2021): points (x, y) of the unit square inside a yin-yang
 * figure of radius {@value #R_BIG} centred at (0.5, 0.5), with the features x, y, 1 − x, 1 − y, generated exactly as
 * the published generator does with numpy's legacy {@code RandomState(seed)} (so the same seed gives the same points,
 * bit for bit): per sample a class by {@code randint(3)}, then points {@code rand(2)·2R} until one lies in the big
 * circle and has that class.
 *
 * <p>Classes, numbered as the published generator numbers them ({@link #classOf}): 2, <em>dot</em>: the two dots of
 * radius {@value #R_SMALL} at (0.25, 0.5) and (0.75, 0.5); 1, <em>yang</em>: the upper half (y &gt; 0.5) outside the
 * disc of radius R/2 around the right dot, together with the disc of radius R/2 around the left dot; 0,
 * <em>yin</em>: the rest of the big circle. {@link #source} turns the points into exact input spike times.
 */
public final class YinYang {

    /** Radius of the figure. */
    public static final double R_BIG = 0.5;
    /** Radius of the two dots. */
    public static final double R_SMALL = 0.1;
    /** Number of classes: yin, yang, dot. */
    public static final int CLASSES = 3;
    /** Header of {@link #csv()}. */
    public static final String CSV_HEADER = "x,y,x_flipped,y_flipped,label";

    /** The published splits: seed and size. */
    public enum Split implements GeneratedSplit {
        TRAIN(42, 5000),
        VALIDATION(41, 1000),
        TEST(40, 1000);

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
            return GeneratedSplit.named(values(), name, "Yin-Yang");
        }
    }

    /**
     * How a sample becomes input spike times: each feature f (x, y, 1 − x, 1 − y, in [0, 1]) spikes once, on its own
     * channel, at {@code early + (late − early)·f}; when {@code bias} is present a fifth channel spikes at that time
     * in every trial, as a reference.
     */
    public record Encoding(double early, double late, OptionalDouble bias) {

        /** Features at 0.15 … 1.5, a reference spike at 0.05. */
        public static final Encoding DEFAULT = new Encoding(0.15, 1.5, OptionalDouble.of(0.05));

        /** Checks that all times are finite and ≥ 0 and that {@code early ≠ late}. */
        public Encoding {
            if (bias == null) {
                throw new IllegalArgumentException("Yin-Yang encoding: give the bias time or OptionalDouble.empty()");
            }
            for (double t : new double[] {early, late, bias.orElse(0)}) {
                if (!(t >= 0) || Double.isInfinite(t)) {
                    throw new IllegalArgumentException("Yin-Yang encoding: spike time " + t
                            + "; early, late and bias must be finite and >= 0");
                }
            }
            if (early == late) {
                throw new IllegalArgumentException("Yin-Yang encoding: early and late are both " + early
                        + "; features need different times for 0 and 1");
            }
        }

        /** Number of input channels: 4, or 5 with the bias channel. */
        public int channels() {
            return bias.isPresent() ? 5 : 4;
        }

        /** The spike times of one sample's features, one spike per channel. */
        public double[][] times(double[] features) {
            double[][] t = new double[channels()][];
            for (int c = 0; c < features.length; c++) {
                t[c] = new double[] {early + (late - early) * features[c]};
            }
            if (bias.isPresent()) {
                t[4] = new double[] {bias.getAsDouble()};
            }
            return t;
        }
    }

    private final double[] x;
    private final double[] y;
    private final int[] labels;

    private YinYang(double[] x, double[] y, int[] labels) {
        this.x = x;
        this.y = y;
        this.labels = labels;
    }

    /** One of the published splits: train (seed 42, 5000 samples), validation (41, 1000) or test (40, 1000). */
    public static YinYang split(Split split) {
        return generate(split.seed(), split.size());
    }

    /** The split named train, validation or test. */
    public static YinYang split(String name) {
        return split(Split.named(name));
    }

    /** {@code n} samples drawn from {@code RandomState(seed)}, seed in [0, 2³² − 1]. */
    public static YinYang generate(long seed, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Yin-Yang: cannot generate " + n + " samples");
        }
        LegacyNumpyRandom random = new LegacyNumpyRandom(seed);
        double[] xs = new double[n];
        double[] ys = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int goal = random.randint(CLASSES);
            double px;
            double py;
            do {
                px = random.rand() * 2 * R_BIG;
                py = random.rand() * 2 * R_BIG;
            } while (distance(px, py, R_BIG, R_BIG) > R_BIG || classOf(px, py) != goal);
            xs[i] = px;
            ys[i] = py;
            labels[i] = goal;
        }
        return new YinYang(xs, ys, labels);
    }

    /** The class of a point inside the big circle: 0 yin, 1 yang, 2 dot (see the class comment). */
    public static int classOf(double x, double y) {
        double right = distance(x, y, 1.5 * R_BIG, R_BIG);
        double left = distance(x, y, 0.5 * R_BIG, R_BIG);
        if (right < R_SMALL || left < R_SMALL) {
            return 2;
        }
        boolean yang = right <= R_SMALL || (left > R_SMALL && left <= 0.5 * R_BIG)
                || (y > R_BIG && right > 0.5 * R_BIG);
        return yang ? 1 : 0;
    }

    /** Euclidean distance as numpy computes {@code sqrt((x − cx)**2 + (y − cy)**2)}. */
    private static double distance(double x, double y, double cx, double cy) {
        double dx = x - cx;
        double dy = y - cy;
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** Number of samples. */
    public int size() {
        return labels.length;
    }

    /** x of sample i. */
    public double x(int i) {
        return x[i];
    }

    /** y of sample i. */
    public double y(int i) {
        return y[i];
    }

    /** Class of sample i: 0 yin, 1 yang, 2 dot. */
    public int label(int i) {
        return labels[i];
    }

    /** The four features of sample i: x, y, 1 − x, 1 − y. */
    public double[] features(int i) {
        return new double[] {x[i], y[i], 1 - x[i], 1 - y[i]};
    }

    /**
     * The samples as CSV: the header {@value #CSV_HEADER}, then one line per sample, each number as
     * {@link Double#toString(double)} writes it (read back with {@link Double#parseDouble}, bit for bit).
     */
    public String csv() {
        StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
        for (int i = 0; i < size(); i++) {
            for (double f : features(i)) {
                b.append(f).append(',');
            }
            b.append(labels[i]).append('\n');
        }
        return b.toString();
    }

    /** The samples as a data source of exact input spike times, with their labels. */
    public DataSource source(Encoding encoding) {
        double[][][] times = new double[size()][][];
        for (int i = 0; i < times.length; i++) {
            times[i] = encoding.times(features(i));
        }
        return DataSource.of(times, labels);
    }
}
