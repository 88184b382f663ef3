package io.smoothspike.examples;

import io.smoothspike.dsl.Snn;
import io.smoothspike.loss.Loss;
import io.smoothspike.model.NeuronModels;
import io.smoothspike.network.Network;
import io.smoothspike.spec.LossContext;
import io.smoothspike.spec.LossSpec;
import io.smoothspike.spec.Losses;
import io.smoothspike.spec.SpecException;
import io.smoothspike.train.TrainingResult;
import io.smoothspike.train.TrainingSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Extends SmoothSpike from outside the library: registers a neuron model of its own ({@link CurrentLif}) and a loss
 * of its own ({@link FirstSpikeMargin}), builds a two-layer network of the model by name, trains it with the library's
 * trainer until the chosen read-out neuron fires first, and saves and reloads the trained network.
 *
 * <p>Run: {@code java -cp … io.smoothspike.examples.CustomModelAndLossExample [FILE.json]}.
 */
public final class CustomModelAndLossExample {

    /** The registered name of {@link FirstSpikeMargin}. */
    public static final String LOSS_KIND = "firstSpikeMargin";
    /** The read-out neuron that should fire first. */
    public static final int WINNER = 0;

    private CustomModelAndLossExample() {
    }

    /**
     * A loss of one's own: read-out neuron {@code winner} should fire its first spike at least {@code margin} before
     * every other read-out neuron's first spike. The loss is the squared hinge
     * {@code Σ_{j ≠ winner} max(0, t_winner − t_j + margin)²}; the predicted class of a trial is the read-out neuron
     * that fires first.
     */
    public record FirstSpikeMargin(int winner, double margin) implements LossSpec {

        @Override
        public void validate(String where, LossContext c) {
            if (winner < 0 || winner >= c.readoutNeurons()) {
                throw new SpecException(where, "winner must be a read-out neuron, 0 to " + (c.readoutNeurons() - 1)
                        + ", got " + winner);
            }
            if (!(margin > 0) || Double.isInfinite(margin)) {
                throw new SpecException(where, "margin must be positive and finite, got " + margin);
            }
        }

        @Override
        public Loss build(LossContext c, int[] labels) {
            Loss hinge = (sample, t, grad) -> {
                double sum = 0;
                for (int j = 0; j < t.length; j++) {
                    double h = j == winner ? 0 : Math.max(0, t[winner][0] - t[j][0] + margin);
                    sum += h * h;
                    grad[winner][0] += 2 * h;
                    grad[j][0] -= 2 * h;
                }
                return sum;
            };
            return Loss.predicting(hinge, CustomModelAndLossExample::firstToFire);
        }
    }

    /** The read-out neuron with the earliest first output time. */
    static int firstToFire(double[][] times) {
        int best = 0;
        for (int r = 1; r < times.length; r++) {
            if (times[r][0] < times[best][0]) {
                best = r;
            }
        }
        return best;
    }

    /** Makes the model and the loss known by name; a program that loads a saved network does this first too. */
    public static void register() {
        NeuronModels.register(CurrentLif.TYPE);
        Losses.register(LOSS_KIND, FirstSpikeMargin.class);
    }

    /**
     * Four input channels into 6 hidden and 2 read-out current-based LIF neurons; read-out neuron {@link #WINNER}
     * should fire first. Before training the read-out is silent (its output times are pseudospikes past T).
     */
    public static Network build() {
        return Snn.network("custom_model_and_loss")
                .trial(4, 10)
                .input("in", 4).spikes(new double[][] {{0.2}, {0.5}, {0.9}, {1.4}})
                .population("hidden", 6, Snn.model(CurrentLif.ID, Map.of("tauSyn", 1.0, "threshold", 1.0)))
                .population("out", 2, Snn.model(CurrentLif.ID, Map.of("tauSyn", 1.0)))
                .connect("in", "hidden").weights(Snn.uniform(0.2, 1.5, 7))
                .connect("hidden", "out").weights(Snn.uniform(0.0, 0.4, 8))
                .readout("out").spikes(1)
                .loss(Snn.loss(new FirstSpikeMargin(WINNER, 0.5)))
                .compile();
    }

    /** Registers, builds, trains, saves to {@code file} and reloads; prints to {@code out}. */
    public static Result run(Path file, PrintStream out) throws IOException {
        register();
        Network net = build();
        out.println("first spikes before training: " + Arrays.deepToString(net.simulate().outputTimes()));
        TrainingResult training = Snn.trainInMemory(net,
                new TrainingSettings().trials(150).learningRate(0.05).evaluateEvery(50).threads(1));
        double[][] times = net.simulate().outputTimes();
        out.println("first spikes after training: " + Arrays.deepToString(times));
        out.printf("loss %.4g -> %.4g; first to fire: read-out neuron %d%n", training.initialLoss(),
                training.finalLoss(), firstToFire(times));
        net.save(file);
        Network loaded = Network.load(file);
        boolean same = Arrays.deepEquals(times, loaded.simulate().outputTimes());
        out.println("saved to " + file + " and reloaded; first spikes " + (same ? "identical" : "DIFFER"));
        return new Result(training, net, loaded);
    }

    /** What {@link #run} produced: the training run, the trained network and the network read back from its file. */
    public record Result(TrainingResult training, Network trained, Network loaded) {
    }

    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : Files.createTempFile("custom_model_and_loss", ".json");
        run(file, System.out);
    }
}
