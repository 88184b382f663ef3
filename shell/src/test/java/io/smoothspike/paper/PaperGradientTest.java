package io.smoothspike.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.grad.GradientCheck;
import io.smoothspike.grad.Task;
import io.smoothspike.sim.EventRecord;
import io.smoothspike.sim.EventSimulator;
import org.junit.jupiter.api.Test;

/** Exact gradients versus central finite differences on the paper's networks (docs/experiments.md §2–4). */
class PaperGradientTest {

    private static GradientCheck.Result check(Task task, GradientCheck.Options options) {
        GradientCheck.Result r = GradientCheck.run(task, options);
        System.out.println(r.summary());
        assertTrue(r.checked() > 0, "nothing checked");
        assertTrue(r.skipped() * 10 <= r.checked() + r.skipped(),
                "skipped parameters must be a small minority: " + r.skipped() + " of " + (r.checked() + r.skipped()));
        assertTrue(r.worstRelative() <= 1e-6, r.summary());
        return r;
    }

    private static int ordinarySpikes(Task task) {
        EventRecord rec = new EventSimulator(task.graph()).run(task.inputs().get(0), task.trial());
        return rec.spikeCount();
    }

    @Test
    void singleNeuronSilentStart() {
        Task task = PaperTasks.singleNeuron(0, 0, 3);
        assertEquals(0, ordinarySpikes(task), "the paper's initial state is silent");
        check(task, GradientCheck.Options.ALL);
    }

    @Test
    void singleNeuronSpikingTwice() {
        Task task = PaperTasks.singleNeuron(6, 6, 3);
        assertEquals(2, ordinarySpikes(task), "two ordinary spikes");
        check(task, GradientCheck.Options.ALL);
    }

    @Test
    void recurrentNetwork() {
        Task task = PaperTasks.recurrent(1.0, 1.0, 3);
        assertTrue(ordinarySpikes(task) >= 10, "the recurrent network is active");
        check(task, GradientCheck.Options.ALL);
    }

    @Test
    void mnistThetaSilent() {
        Task task = PaperTasks.mnistLike(0, 3, 5);
        assertEquals(0, ordinarySpikes(task), "the paper's initialisation is silent");
        check(task, GradientCheck.Options.ALL.limit(600, 11));
    }

    @Test
    void mnistThetaActive() {
        Task task = PaperTasks.mnistLike(PaperTasks.MNIST_ACTIVE_BIAS, 3, 5);
        assertTrue(ordinarySpikes(task) >= 50, "hidden layers spike");
        check(task, GradientCheck.Options.ALL.limit(600, 11));
    }
}
