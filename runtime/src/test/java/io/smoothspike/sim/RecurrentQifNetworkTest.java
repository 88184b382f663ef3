package io.smoothspike.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.smoothspike.data.PoissonTrains;
import io.smoothspike.graph.Projection;
import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.model.Qif;
import io.smoothspike.testing.Dopri45;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The recurrent QIF network of docs/experiments.md §3 (10 neurons, τ = 1, T = 10, K = 500, one excitatory (+5) and one
 * inhibitory (−5) Poisson train of rate 1 per neuron, recurrent weights without self-connections), with random
 * recurrent weights and initial states, checked against an independent numerical integration of the network ODE.
 */
class RecurrentQifNetworkTest {

    private static final int N = 10;
    private static final double TAU = 1.0;
    private static final double T = 10.0;
    private static final int K = 500;
    private static final double W_IN = 5.0;
    private static final double RATE = 1.0;
    private static final long INPUT_SEED = 20240503L;
    private static final long NET_SEED = 77L;
    private static final double HALF_PI = Math.PI / 2;

    // ---------------------------------------------------------------- the network

    /** Recurrent weights W[pre][post], N(0, 1); the diagonal is drawn too but masked out. */
    private static double[][] recurrentWeights() {
        SplittableRandom rng = new SplittableRandom(NET_SEED);
        double[][] w = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                w[i][j] = gaussian(rng);
            }
        }
        return w;
    }

    /** Initial states (psi = atan V0, I0) with V0 ~ U(−1, 1), I0 ~ N(0, 1), neuron-major. */
    private static double[] initialStates() {
        SplittableRandom rng = new SplittableRandom(NET_SEED + 1);
        double[] s = new double[2 * N];
        for (int i = 0; i < N; i++) {
            double v0 = -1 + 2 * rng.nextDouble();
            s[2 * i] = Math.atan(v0);
            s[2 * i + 1] = gaussian(rng);
        }
        return s;
    }

    private static double gaussian(SplittableRandom rng) {
        // Box–Muller, own implementation so the draws are fixed by the seed alone
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static boolean[][] noSelfMask() {
        boolean[][] m = new boolean[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                m[i][j] = i != j;
            }
        }
        return m;
    }

    /** Input weight of channel c onto neuron c/2: +5 for even c, −5 for odd c. */
    private static double inputWeight(int channel) {
        return channel % 2 == 0 ? W_IN : -W_IN;
    }

    private static SimulationGraph network(double[][] weights) {
        int[] pre = new int[2 * N];
        int[] post = new int[2 * N];
        double[] w = new double[2 * N];
        for (int c = 0; c < 2 * N; c++) {
            pre[c] = c;
            post[c] = c / 2;
            w[c] = inputWeight(c);
        }
        return SimulationGraph.builder()
                .inputs("in", 2 * N)
                .population("net", new Qif(TAU), N, initialStates())
                .connectSparse("in", "net", pre, post, w)
                .connectMasked("net", "net", weights, noSelfMask())
                .build();
    }

    private static SimulationGraph network() {
        return network(recurrentWeights());
    }

    private static InputSpikes inputs() {
        return PoissonTrains.inputs(2 * N, RATE, T, INPUT_SEED);
    }

    // ---------------------------------------------------------------- independent ODE oracle

    /** Result of the oracle: network spikes in order, and the state at T. */
    private record OracleRun(double[] times, int[] neurons, double[] finalState) {
    }

    /**
     * Integrates the network ODE in angle coordinates θ_i = atan V_i (dθ/dt = (sin²θ − sinθ cosθ + I cos²θ)/τ,
     * dI/dt = −2I/τ) with Dopri45 between inputs, stopping at the first θ_i reaching π/2. The spiking neuron is
     * moved to θ − π (the same point of the π-periodic angle flow, i.e. V = −∞) and its recurrent weights
     * {@code w[j][k]} (where {@code mask[j][k]}) are added to the I of the targets at the spike time.
     */
    private static OracleRun oracle(double[] init, double[][] w, boolean[][] mask, InputSpikes in, double duration,
            int n) {
        Dopri45 solver = new Dopri45(1e-13, 1e-13);
        Dopri45.Ode ode = (t, y, d) -> {
            for (int i = 0; i < n; i++) {
                double th = y[2 * i];
                double cur = y[2 * i + 1];
                double s = Math.sin(th);
                double c = Math.cos(th);
                d[2 * i] = (s * s - s * c + cur * c * c) / TAU;
                d[2 * i + 1] = -2 * cur / TAU;
            }
        };
        Dopri45.EventFunction event = (t, y) -> {
            double m = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                m = Math.max(m, y[2 * i]);
            }
            return m - HALF_PI;
        };
        double[] y = init.clone();
        List<Double> times = new ArrayList<>();
        List<Integer> who = new ArrayList<>();
        double t = 0;
        int next = 0;
        while (true) {
            double tIn = next < in.size() ? in.time(next) : Double.POSITIVE_INFINITY;
            double until = Math.min(tIn, duration);
            if (until > t) {
                Dopri45.Result r = solver.integrate(ode, t, y, until, event);
                y = r.y();
                t = r.t();
                if (r.eventHit()) {
                    int j = 0;
                    for (int i = 1; i < n; i++) {
                        if (y[2 * i] > y[2 * j]) {
                            j = i;
                        }
                    }
                    times.add(t);
                    who.add(j);
                    y[2 * j] -= Math.PI;
                    for (int k = 0; k < n; k++) {
                        if (mask[j][k]) {
                            y[2 * k + 1] += w[j][k];
                        }
                    }
                    continue;
                }
            }
            if (tIn > duration) {
                break;
            }
            int c = in.source(next++);
            y[2 * (c / 2) + 1] += inputWeight(c);
        }
        return new OracleRun(times.stream().mapToDouble(Double::doubleValue).toArray(),
                who.stream().mapToInt(Integer::intValue).toArray(), y);
    }

    // ---------------------------------------------------------------- helpers

    private static List<double[]> networkSpikes(EventRecord r) {
        List<double[]> s = new ArrayList<>();
        for (int k = 0; k < r.eventCount(); k++) {
            if (!r.isInput(k)) {
                s.add(new double[] {r.time(k), r.neuron(k)});
            }
        }
        return s;
    }

    private static void assertBitIdentical(EventRecord a, EventRecord b, String what) {
        assertEquals(a.eventCount(), b.eventCount(), what + ": event count");
        assertEquals(a.spikeCount(), b.spikeCount(), what + ": spike count");
        for (int k = 0; k < a.eventCount(); k++) {
            assertEquals(Double.doubleToRawLongBits(a.time(k)), Double.doubleToRawLongBits(b.time(k)),
                    what + ": time of event " + k);
            assertEquals(a.neuron(k), b.neuron(k), what + ": neuron of event " + k);
            assertEquals(a.inputChannel(k), b.inputChannel(k), what + ": channel of event " + k);
        }
        int neurons = a.finalState(0).length / 2; // one QIF population, two state numbers per neuron
        for (int n = 0; n < neurons; n++) {
            double[] ta = a.spikeTimes(n);
            double[] tb = b.spikeTimes(n);
            assertEquals(ta.length, tb.length, what + ": spikes of neuron " + n);
            for (int j = 0; j < ta.length; j++) {
                assertEquals(Double.doubleToRawLongBits(ta[j]), Double.doubleToRawLongBits(tb[j]),
                        what + ": spike " + j + " of neuron " + n);
            }
        }
        double[] fa = a.finalState(0);
        double[] fb = b.finalState(0);
        assertEquals(fa.length, fb.length);
        for (int i = 0; i < fa.length; i++) {
            assertEquals(Double.doubleToRawLongBits(fa[i]), Double.doubleToRawLongBits(fb[i]),
                    what + ": final state component " + i);
        }
    }

    // ---------------------------------------------------------------- 1. record structure

    @Test
    void eventsAreOrderedAndEveryInputAppearsExactlyOnce() {
        InputSpikes in = inputs();
        EventRecord r = new EventSimulator(network()).run(in, new TrialSettings(T, K));

        assertTrue(r.spikeCount() >= 10, "the test network should spike; got " + r.spikeCount());
        assertTrue(r.spikeCount() <= K);
        assertEquals(T, r.duration(), 0.0);
        for (int k = 1; k < r.eventCount(); k++) {
            assertTrue(r.time(k) >= r.time(k - 1), "event " + k + " at " + r.time(k) + " before " + r.time(k - 1));
        }
        for (int k = 0; k < r.eventCount(); k++) {
            assertTrue(r.time(k) >= 0 && r.time(k) <= T, "event " + k + " outside [0, T]: " + r.time(k));
            assertTrue(r.isInput(k) ? r.inputChannel(k) >= 0 && r.neuron(k) == -1
                    : r.neuron(k) >= 0 && r.neuron(k) < N && r.inputChannel(k) == -1, "event " + k);
        }

        // the input events are exactly the input spikes with t <= T, in their sorted order
        int expectedInputs = 0;
        for (int k = 0; k < in.size(); k++) {
            if (in.time(k) <= T) {
                expectedInputs++;
            }
        }
        int seen = 0;
        for (int k = 0; k < r.eventCount(); k++) {
            if (r.isInput(k)) {
                assertTrue(seen < expectedInputs, "more input events than input spikes");
                assertEquals(Double.doubleToRawLongBits(in.time(seen)), Double.doubleToRawLongBits(r.time(k)),
                        "time of input #" + seen);
                assertEquals(in.source(seen), r.inputChannel(k), "channel of input #" + seen);
                seen++;
            }
        }
        assertEquals(expectedInputs, seen, "every input spike with t <= T appears exactly once");
        assertEquals(r.eventCount(), seen + r.spikeCount());

        // the per-neuron view matches the event list
        int total = 0;
        for (int n = 0; n < N; n++) {
            double[] ts = r.spikeTimes(n);
            total += ts.length;
            assertEquals(ts.length, r.spikeCount(n));
            int j = 0;
            for (int k = 0; k < r.eventCount(); k++) {
                if (r.neuron(k) == n) {
                    assertEquals(Double.doubleToRawLongBits(r.time(k)), Double.doubleToRawLongBits(ts[j]));
                    assertEquals(ts[j], r.spikeTime(n, j), 0.0);
                    j++;
                }
            }
            for (int q = 1; q < ts.length; q++) {
                assertTrue(ts[q] > ts[q - 1], "neuron " + n + " spikes twice at " + ts[q]);
            }
        }
        assertEquals(r.spikeCount(), total);
    }

    @Test
    void inputsAfterTAreIgnoredAndDoNotChangeTheTrial() {
        // channel trains depend only on (seed, channel): a longer window adds spikes after T only
        InputSpikes longer = PoissonTrains.inputs(2 * N, RATE, 1.5 * T, INPUT_SEED);
        int beyond = 0;
        for (int k = 0; k < longer.size(); k++) {
            if (longer.time(k) > T) {
                beyond++;
            }
        }
        assertTrue(beyond > 0, "the longer window should have input spikes after T");
        EventSimulator sim = new EventSimulator(network());
        EventRecord base = sim.run(inputs(), new TrialSettings(T, K)).copy();
        EventRecord withLate = sim.run(longer, new TrialSettings(T, K));
        assertEquals(longer.size() - beyond, withLate.eventCount() - withLate.spikeCount());
        assertBitIdentical(base, withLate, "inputs after T");
    }

    // ---------------------------------------------------------------- 2. independent ODE oracle

    @Test
    void spikeSequenceMatchesIndependentOdeIntegration() {
        InputSpikes in = inputs();
        double[][] w = recurrentWeights();
        EventRecord r = new EventSimulator(network(w)).run(in, new TrialSettings(T, K));
        OracleRun ref = oracle(initialStates(), w, noSelfMask(), in, T, N);

        List<double[]> spikes = networkSpikes(r);
        StringBuilder seq = new StringBuilder();
        for (int k = 0; k < Math.max(spikes.size(), ref.times().length); k++) {
            seq.append(String.format("%n  #%d engine %s   oracle %s", k,
                    k < spikes.size() ? String.format("n%d@%.12f", (int) spikes.get(k)[1], spikes.get(k)[0]) : "-",
                    k < ref.times().length ? String.format("n%d@%.12f", ref.neurons()[k], ref.times()[k]) : "-"));
        }
        assertEquals(ref.times().length, spikes.size(), "number of network spikes" + seq);
        assertTrue(spikes.size() >= 10, "the test network should spike a fair number of times; got "
                + spikes.size());
        double worst = 0;
        for (int k = 0; k < spikes.size(); k++) {
            assertEquals(ref.neurons()[k], (int) spikes.get(k)[1], "neuron of spike #" + k + seq);
            double diff = Math.abs(ref.times()[k] - spikes.get(k)[0]);
            worst = Math.max(worst, diff);
            assertTrue(diff <= 1e-8, "spike #" + k + " time differs by " + diff + seq);
        }

        // state at T: psi = atan V is defined modulo pi in the oracle's angle, compare on the circle
        double[] fin = r.finalState(0);
        double worstState = 0;
        for (int i = 0; i < N; i++) {
            double dPsi = Math.abs(Math.sin(fin[2 * i] - ref.finalState()[2 * i]));
            double dI = Math.abs(fin[2 * i + 1] - ref.finalState()[2 * i + 1])
                    / Math.max(1, Math.abs(ref.finalState()[2 * i + 1]));
            worstState = Math.max(worstState, Math.max(dPsi, dI));
            assertTrue(dPsi <= 1e-8, "psi(T) of neuron " + i + ": " + fin[2 * i] + " vs " + ref.finalState()[2 * i]);
            assertTrue(dI <= 1e-8, "I(T) of neuron " + i + ": " + fin[2 * i + 1] + " vs "
                    + ref.finalState()[2 * i + 1]);
        }
        System.out.printf("RecurrentQifNetworkTest: %d network spikes, %d inputs; worst spike-time difference "
                + "%.3e, worst final-state difference %.3e%n", spikes.size(), r.eventCount() - r.spikeCount(),
                worst, worstState);
    }

    // ---------------------------------------------------------------- 3. determinism

    @Test
    void repeatedRunsAreBitIdentical() {
        InputSpikes in = inputs();
        TrialSettings trial = new TrialSettings(T, K);
        SimulationGraph g = network();
        EventSimulator sim = new EventSimulator(g);
        EventRecord first = sim.run(in, trial).copy();
        assertTrue(first.spikeCount() >= 10);
        // a different trial in between must leave no trace in the simulator
        sim.run(PoissonTrains.inputs(2 * N, RATE, T, INPUT_SEED + 1), trial);
        assertBitIdentical(first, sim.run(in, trial), "same simulator, rerun");
        assertBitIdentical(first, sim.run(in, trial), "same simulator, third run");
        assertBitIdentical(first, new EventSimulator(g).run(in, trial), "fresh simulator, same graph");
        assertBitIdentical(first, new EventSimulator(network()).run(in, trial), "fresh simulator, rebuilt graph");
    }

    // ---------------------------------------------------------------- 4. spike cap

    @Test
    void smallSpikeCapThrowsWithHelpfulMessage() {
        InputSpikes in = inputs();
        EventSimulator sim = new EventSimulator(network());
        EventRecord full = sim.run(in, new TrialSettings(T, K)).copy();
        int count = full.spikeCount();
        assertTrue(count > 3);
        List<double[]> spikes = networkSpikes(full);

        SpikeCapExceededException e = assertThrows(SpikeCapExceededException.class,
                () -> sim.run(in, new TrialSettings(T, 3)));
        assertEquals(3, e.cap());
        assertEquals(spikes.get(3)[0], e.time(), 0.0, "the exception reports the first spike beyond the cap");
        assertTrue(e.time() <= T);
        String msg = e.getMessage();
        assertTrue(msg.contains("3"), msg);
        assertTrue(msg.contains("cap"), msg);
        assertTrue(msg.contains("Raise") || msg.contains("raise"), msg);
        assertTrue(msg.contains("spikeCap"), msg);
        assertTrue(msg.contains(String.valueOf((int) spikes.get(3)[1])), msg);

        // a cap exactly at the spike count is enough; one below is not
        assertBitIdentical(full, sim.run(in, new TrialSettings(T, count)), "cap = spike count");
        SpikeCapExceededException e2 = assertThrows(SpikeCapExceededException.class,
                () -> sim.run(in, new TrialSettings(T, count - 1)));
        assertEquals(count - 1, e2.cap());
        assertEquals(spikes.get(count - 1)[0], e2.time(), 0.0);
        // the simulator is still usable after an aborted trial
        assertBitIdentical(full, sim.run(in, new TrialSettings(T, K)), "after an aborted trial");
    }

    // ---------------------------------------------------------------- 5. masked diagonal

    @Test
    void maskedDiagonalIsNeverDelivered() {
        // the 10-neuron network: huge diagonal weights behind a false mask change nothing
        double[][] w = recurrentWeights();
        double[][] wBigDiag = new double[N][];
        double[][] wZeroDiag = new double[N][];
        for (int i = 0; i < N; i++) {
            wBigDiag[i] = w[i].clone();
            wZeroDiag[i] = w[i].clone();
            wBigDiag[i][i] = 1e3;
            wZeroDiag[i][i] = 0;
        }
        SimulationGraph g = network(wBigDiag);
        Projection rec = g.projections().get(1);
        assertEquals(N * (N - 1), rec.synapseCount());
        for (int i = 0; i < N; i++) {
            assertEquals(0.0, rec.weight(i, i), 0.0);
            assertEquals(N - 1, rec.fanOut(i));
        }
        InputSpikes in = inputs();
        TrialSettings trial = new TrialSettings(T, K);
        EventRecord a = new EventSimulator(g).run(in, trial).copy();
        EventRecord b = new EventSimulator(network(wZeroDiag)).run(in, trial);
        assertBitIdentical(a, b, "diagonal weight behind a false mask");

        // one neuron driven to spike: a masked self-connection equals no self-connection at all
        double[] init = {0.0, 5.0}; // V = 0, I = 5 > pi^2/4: spikes early
        double[][] self = {{12.0}}; // from the reset state a spike needs I > pi^2
        InputSpikes none = InputSpikes.none();
        TrialSettings shortTrial = new TrialSettings(5.0, 100);
        EventRecord masked = new EventSimulator(SimulationGraph.builder().inputs("in", 0)
                .population("p", new Qif(TAU), 1, init)
                .connectMasked("p", "p", self, new boolean[][] {{false}}).build()).run(none, shortTrial).copy();
        EventRecord unconnected = new EventSimulator(SimulationGraph.builder().inputs("in", 0)
                .population("p", new Qif(TAU), 1, init).build()).run(none, shortTrial).copy();
        EventRecord connected = new EventSimulator(SimulationGraph.builder().inputs("in", 0)
                .population("p", new Qif(TAU), 1, init)
                .connectMasked("p", "p", self, new boolean[][] {{true}}).build()).run(none, shortTrial).copy();
        assertTrue(unconnected.spikeCount() >= 1);
        assertBitIdentical(unconnected, masked, "single neuron, masked self-connection");
        assertTrue(connected.spikeCount() > masked.spikeCount(),
                "an unmasked self-excitation should add spikes: " + connected.spikeCount() + " vs "
                        + masked.spikeCount());
        assertNotEquals(connected.finalState(0)[1], masked.finalState(0)[1]);

        // and the self-connected case agrees with the oracle, which delivers on the diagonal
        OracleRun ref = oracle(init, self, new boolean[][] {{true}}, none, 5.0, 1);
        if (ref.times().length != connected.spikeCount()) {
            fail("self-connected neuron: oracle " + ref.times().length + " spikes, engine "
                    + connected.spikeCount());
        }
        for (int k = 0; k < ref.times().length; k++) {
            assertEquals(ref.times()[k], connected.spikeTime(0, k), 1e-8, "self-connected spike #" + k);
        }
        OracleRun refMasked = oracle(init, self, new boolean[][] {{false}}, none, 5.0, 1);
        assertEquals(refMasked.times().length, masked.spikeCount());
        for (int k = 0; k < refMasked.times().length; k++) {
            assertEquals(refMasked.times()[k], masked.spikeTime(0, k), 1e-8, "masked spike #" + k);
        }
    }
}
