package io.smoothspike.examples;

import static io.smoothspike.dsl.Snn.normal;
import static io.smoothspike.dsl.Snn.qif;
import static io.smoothspike.dsl.Snn.spikeTimeLoss;

import io.smoothspike.dsl.Snn;
import io.smoothspike.network.Network;
import io.smoothspike.network.SimulationResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Embeds SmoothSpike in a Java application: builds the single neuron of docs/experiments.md §2 with the fluent DSL,
 * simulates it, prints the output times (pseudospikes past T while the neuron is silent), saves the network to a
 * JSON file and loads it back.
 *
 * <p>Run: {@code java -cp … io.smoothspike.examples.SingleNeuronExample [FILE.json]}.
 */
public final class SingleNeuronExample {

    private SingleNeuronExample() {
    }

    /** The docs/experiments.md §2 network: 2 learned inputs (weight 0, times 1 and 9) and 20 fixed random inputs. */
    public static Network build(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] fixedTimes = new double[20][];
        for (int c = 0; c < 20; c++) {
            fixedTimes[c] = new double[] {10 * rng.nextDouble()};
        }
        return Snn.network("single_neuron")
                .trial(10, 25)
                .input("learned", 2).spikes(new double[][] {{1.0}, {9.0}}).trainableTimes()
                .input("fixed", 20).spikes(fixedTimes)
                .population("neuron", 1, qif(1))
                .connect("learned", "neuron")
                .connect("fixed", "neuron").weights(normal(0, 1, seed + 1)).frozen()
                .readout("neuron").spikes(2)
                .loss(spikeTimeLoss(new double[][] {{2.5, 7.5}}))
                .compile();
    }

    /** Builds, simulates, saves to {@code file}, reloads; prints to {@code out}; returns the reloaded network. */
    public static Network run(Path file, PrintStream out) throws IOException {
        Network net = build(1);
        SimulationResult result = net.simulate();
        out.println("output times: " + Arrays.toString(result.outputTimes()[0]));
        out.println("ordinary spikes in [0, T]: " + result.record().spikeCount());
        net.save(file);
        Network loaded = Network.load(file);
        SimulationResult again = loaded.simulate();
        out.println("saved to " + file + " and reloaded; output times "
                + (Arrays.equals(result.outputTimes()[0], again.outputTimes()[0]) ? "identical" : "DIFFER"));
        return loaded;
    }

    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : Files.createTempFile("single_neuron", ".json");
        run(file, System.out);
    }
}
