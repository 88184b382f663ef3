package io.smoothspike.dsl;

import io.smoothspike.spec.InputSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * An input group of {@code size} channels and where its spikes come from: exactly one of {@link #spikes},
 * {@link #spikeTimes} (repeatable), {@link #poisson}, {@link #image} or {@link #external}. Continue with
 * {@link #and()} or any network-level call (see {@link NetworkSection}).
 */
public final class InputBuilder extends NetworkSection {

    private enum Kind {
        SPIKES("spikes()"), SPIKE_TIMES("spikeTimes()"), POISSON("poisson()"), IMAGE("image()"),
        EXTERNAL("external()");

        private final String call;

        Kind(String call) {
            this.call = call;
        }
    }

    private final String name;
    private final int size;
    private Kind kind;
    private double[][] spikes;
    private List<List<Double>> perChannel;
    private double rate;
    private long seed;
    private Double start;
    private Double end;
    private boolean resample;
    private int bins;
    private boolean trainTimes;

    InputBuilder(NetworkBuilder network, String name, int size) {
        super(network);
        this.name = name;
        this.size = size;
    }

    /** Explicit spike times per channel, {@code timesPerChannel[channel]}, the same in every trial. */
    public InputBuilder spikes(double[][] timesPerChannel) {
        source(Kind.SPIKES);
        double[][] t = Check.copy(where() + " spike times", timesPerChannel);
        if (t.length != size) {
            throw new IllegalArgumentException(where() + " has " + size + " channels but spikes() got " + t.length
                    + " rows");
        }
        spikes = t;
        return this;
    }

    /**
     * Adds spike times to one channel; call once per channel (or several times: times accumulate). Channels never
     * named get no spikes.
     */
    public InputBuilder spikeTimes(int channel, double... times) {
        if (kind != Kind.SPIKE_TIMES) {
            source(Kind.SPIKE_TIMES);
            perChannel = new ArrayList<>();
            for (int c = 0; c < size; c++) {
                perChannel.add(new ArrayList<>());
            }
        }
        if (channel < 0 || channel >= size) {
            throw new IllegalArgumentException(where() + ": channel " + channel + " is outside [0, " + size + ")");
        }
        for (double t : Check.notNull(where() + " spike times", times)) {
            perChannel.get(channel).add(t);
        }
        return this;
    }

    /**
     * Independent Poisson trains of {@code rate} on every channel, drawn from {@code seed}, over the whole trial
     * [0, T] unless {@link #window} narrows it; the same trains in every trial unless {@link #resample}.
     */
    public InputBuilder poisson(double rate, long seed) {
        if (!(Check.finite(where() + " poisson rate", rate) >= 0)) {
            throw new IllegalArgumentException(where() + ": poisson rate must be >= 0, got " + rate);
        }
        source(Kind.POISSON);
        this.rate = rate;
        this.seed = seed;
        return this;
    }

    /** The time window [start, end) of a {@link #poisson} source. */
    public InputBuilder window(double start, double end) {
        requirePoisson("window()");
        Check.once(this.start != null, where() + " poisson window");
        if (!(Check.finite(where() + " window start", start) >= 0
                && start < Check.finite(where() + " window end", end))) {
            throw new IllegalArgumentException(where() + ": window needs 0 <= start < end, got [" + start + ", "
                    + end + ")");
        }
        this.start = start;
        this.end = end;
        return this;
    }

    /** Whether a {@link #poisson} source draws new trains in every trial (trial k from seed + k). */
    public InputBuilder resample(boolean resample) {
        requirePoisson("resample()");
        this.resample = resample;
        return this;
    }

    /** First-spike image encoder with {@code bins} (1…99) intensity levels; samples come from a data set. */
    public InputBuilder image(int bins) {
        if (bins < 1 || bins > 99) {
            throw new IllegalArgumentException(where() + ": image bins must lie in [1, 99], got " + bins);
        }
        source(Kind.IMAGE);
        this.bins = bins;
        return this;
    }

    /** Spikes supplied by the caller with each trial. */
    public InputBuilder external() {
        source(Kind.EXTERNAL);
        return this;
    }

    /** Makes the explicit spike times ({@link #spikes} or {@link #spikeTimes}) trainable parameters. */
    public InputBuilder trainableTimes() {
        trainTimes = true;
        return this;
    }

    String name() {
        return name;
    }

    int size() {
        return size;
    }

    /** The group's description; {@code duration} is the trial length T (the default Poisson window). */
    InputSpec toSpec(double duration) {
        if (kind == null) {
            throw new IllegalArgumentException(where() + " has no source: call spikes(), spikeTimes(), poisson(), "
                    + "image() or external()");
        }
        if (trainTimes && kind != Kind.SPIKES && kind != Kind.SPIKE_TIMES) {
            throw new IllegalArgumentException(where() + ": trainableTimes() needs explicit spike times, not "
                    + kind.call);
        }
        return new InputSpec(name, size, source(duration), trainTimes);
    }

    private InputSpec.Source source(double duration) {
        switch (kind) {
            case SPIKES:
                return new InputSpec.Spikes(Check.copy("spikes", spikes));
            case SPIKE_TIMES:
                double[][] t = new double[size][];
                for (int c = 0; c < size; c++) {
                    List<Double> l = perChannel.get(c);
                    t[c] = new double[l.size()];
                    for (int k = 0; k < t[c].length; k++) {
                        t[c][k] = l.get(k);
                    }
                }
                return new InputSpec.Spikes(t);
            case POISSON:
                return new InputSpec.Poisson(rate, start == null ? 0 : start, end == null ? duration : end, seed,
                        resample);
            case IMAGE:
                return new InputSpec.Image(bins);
            default:
                return new InputSpec.External();
        }
    }

    private void source(Kind k) {
        if (kind != null) {
            throw new IllegalArgumentException(where() + " already has a source (" + kind.call + "); " + k.call
                    + " cannot replace it");
        }
        kind = k;
    }

    private void requirePoisson(String call) {
        if (kind != Kind.POISSON) {
            throw new IllegalArgumentException(where() + ": " + call + " applies to a poisson source; call poisson() "
                    + "first");
        }
    }

    private String where() {
        return "input '" + name + "'";
    }
}
