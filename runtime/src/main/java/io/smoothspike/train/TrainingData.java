package io.smoothspike.train;

import io.smoothspike.data.DataSource;
import io.smoothspike.data.LabeledImages;

/**
 * A training set, the held-out (test) set evaluated after every epoch, and optionally a validation set, also
 * evaluated after every epoch, by which the trainer keeps the best model (null: none). All sets are of one kind
 * (images or data sources) and carry one kind of target (class labels or target spike times).
 */
public record TrainingData(TrialSet train, TrialSet test, TrialSet validation) {

    public TrainingData {
        if (train == null || train.size() == 0) {
            throw new IllegalArgumentException("training needs a non-empty training set");
        }
        if (test == null || test.size() == 0) {
            throw new IllegalArgumentException("training needs a non-empty held-out set");
        }
        if (validation != null && validation.size() == 0) {
            throw new IllegalArgumentException("the validation set is empty; give trials or no validation set");
        }
        for (TrialSet other : validation == null ? new TrialSet[] {test} : new TrialSet[] {test, validation}) {
            String name = other == test ? "held-out" : "validation";
            if (train.getClass() != other.getClass()) {
                throw new IllegalArgumentException("the training and " + name + " sets must be of one kind (images "
                        + "or a data source)");
            }
            if (train.hasTargetTimes() != other.hasTargetTimes()) {
                throw new IllegalArgumentException("the training set carries " + targets(train) + ", the " + name
                        + " set " + targets(other) + "; give both the same kind of target");
            }
        }
    }

    /** A training and a held-out set, without a validation set. */
    public TrainingData(TrialSet train, TrialSet test) {
        this(train, test, null);
    }

    /** Labelled images, encoded by the network's image input group. */
    public TrainingData(LabeledImages train, LabeledImages test) {
        this(train, test, null);
    }

    /** Labelled images with a validation set (null: none). */
    public TrainingData(LabeledImages train, LabeledImages test, LabeledImages validation) {
        this(train == null ? null : new TrialSet.Images(train), test == null ? null : new TrialSet.Images(test),
                validation == null ? null : new TrialSet.Images(validation));
    }

    /** Trials of spike times, fed to the network's external input groups; the held-out set is not augmented. */
    public TrainingData(DataSource train, DataSource test) {
        this(train, test, null);
    }

    /** Trials of spike times with a validation set (null: none); only the training set is augmented. */
    public TrainingData(DataSource train, DataSource test, DataSource validation) {
        this(train == null ? null : new TrialSet.Spikes(train, true),
                test == null ? null : new TrialSet.Spikes(test, false),
                validation == null ? null : new TrialSet.Spikes(validation, false));
    }

    private static String targets(TrialSet set) {
        return set.hasTargetTimes() ? "target spike times" : "class labels";
    }
}
