package io.smoothspike.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.loss.Loss;
import io.smoothspike.loss.Prediction;
import io.smoothspike.loss.TrialTargets;
import io.smoothspike.network.Network;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.spec.InputSpec;
import io.smoothspike.spec.LossSpec;
import io.smoothspike.spec.ModelSpec;
import io.smoothspike.spec.NetworkSpec;
import io.smoothspike.spec.OutputSpec;
import io.smoothspike.spec.PopulationSpec;
import io.smoothspike.spec.ProjectionSpec;
import io.smoothspike.spec.TrialSpec;
import io.smoothspike.spec.ValueSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Held-out accuracy comes from the loss's own prediction, and only a loss that defines one gives accuracy. */
class LossPredictionTest {

    /** A loss that predicts the read-out neuron that fires last. */
    private static final Loss LATEST = new Loss() {
        @Override
        public double evaluate(int sample, double[][] times, double[][] grad) {
            return 0;
        }

        @Override
        public Optional<Prediction> prediction() {
            return Optional.of(times -> times[0][0] > times[1][0] ? 0 : 1);
        }
    };
    private static final Loss NO_PREDICTION = (sample, times, grad) -> 0;

    /** Two read-out neurons driven by one input spike; neuron 0, with the larger weight, fires first. */
    private static Network network(LossSpec loss) {
        NetworkSpec spec = new NetworkSpec("two", new TrialSpec(4.0, 100, 5.0, "auto"),
                List.of(new InputSpec("in", 1, new InputSpec.Spikes(new double[][] {{0.5}}), false)),
                List.of(new PopulationSpec("o", 2, ModelSpec.qif(1.0), null, false, null)),
                List.of(new ProjectionSpec("in", "o", null, new ValueSpec.Values(new double[] {6, 5}), false)),
                new OutputSpec("o", null, 1), loss);
        return Network.compile(spec, Map.of("latest", LATEST, "noPrediction", NO_PREDICTION));
    }

    private static Map<String, Object> metrics(Network net, int label) {
        List<InputSpikes> trials = List.of(net.input(0));
        return HeldOutMetrics.evaluate(net, trials, TrialTargets.ofLabels(new int[] {label}), 0.1, 1);
    }

    @Test
    void theLossPredictionDecidesTheAccuracy() {
        Network latest = network(new LossSpec.Custom("latest"));
        double[][] t = latest.simulate().outputTimes();
        assertTrue(t[0][0] < t[1][0], "neuron 0 fires first: " + t[0][0] + ", " + t[1][0]);
        assertEquals(1.0, metrics(latest, 1).get("accuracy"));
        assertEquals(0.0, metrics(latest, 0).get("accuracy"));
        Network firstSpike = network(new LossSpec.CrossEntropy(0));
        assertEquals(0.0, metrics(firstSpike, 1).get("accuracy"));
        assertEquals(1.0, metrics(firstSpike, 0).get("accuracy"));
    }

    @Test
    void aSumPredictsAsItsFirstPredictingTerm() {
        Network sum = network(new LossSpec.Sum(List.of(new LossSpec.Term(1, new LossSpec.Custom("noPrediction")),
                new LossSpec.Term(1, new LossSpec.Custom("latest")), new LossSpec.Term(1,
                        new LossSpec.CrossEntropy(0)))));
        assertEquals(1.0, metrics(sum, 1).get("accuracy"));
        assertEquals(1.0, metrics(sum, 1).get("accuracy_ordinary"));
    }

    @Test
    void aLossWithoutPredictionGivesNoAccuracy() {
        Map<String, Object> m = metrics(network(new LossSpec.Custom("noPrediction")), 0);
        assertFalse(m.containsKey("accuracy"), m.toString());
        assertFalse(m.containsKey("accuracy_ordinary"), m.toString());
        assertTrue(m.containsKey("loss"), m.toString());
    }
}
