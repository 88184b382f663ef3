package io.smoothspike.train;

import io.smoothspike.loss.TrialTargets;
import io.smoothspike.network.Network;
import io.smoothspike.spec.LossSpec;

/** Whether a network's loss reads what the trials carry: class labels, target spike times, or nothing. */
final class TargetFit {

    private TargetFit() {
    }

    /** The reason {@code net}'s loss cannot train on {@code trials} (null: a fixed task), or null if it can. */
    static String misfit(Network net, TrialSet trials) {
        LossSpec loss = net.spec().loss();
        String kind = "the loss '" + loss.kind() + "'";
        TrialTargets.Kind reads = loss.reads();
        if (trials == null) {
            return reads != TrialTargets.Kind.TIMES ? null : kind + " reads target spike times from a data set, but "
                    + "a fixed task has none: train it on a data source of target times (train(net, data: "
                    + "source(trials: …, targets: …), …) in a script)";
        }
        if (!trials.hasTargetTimes()) {
            return reads != TrialTargets.Kind.TIMES ? null : kind + " reads target spike times, but the "
                    + (trials instanceof TrialSet.Images ? "image set" : "data source") + " gives class labels: "
                    + "make a source of target times (source(trials: …, targets: …) in a script, "
                    + "DataSource.ofTargetTimes in Java)";
        }
        if (reads != TrialTargets.Kind.TIMES) {
            return "the data source gives target spike times, but " + kind + (reads == TrialTargets.Kind.LABELS
                    ? " reads class labels" : " has targets of its own") + ": train on target times with loss "
                    + "targetTime() (new LossSpec.TargetTime() in Java)";
        }
        double[] first = trials.targetTimes(0);
        int readout = net.readout().neurons().length;
        int given = first == null ? 0 : first.length;
        return given == readout ? null : "the data source's trial 0 gives " + given + " target time"
                + (given == 1 ? "" : "s") + ", the network's read-out has " + readout + " neuron"
                + (readout == 1 ? "" : "s") + "; give one target time per read-out neuron";
    }
}
