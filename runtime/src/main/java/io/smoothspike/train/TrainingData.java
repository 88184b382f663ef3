package io.smoothspike.train;

import io.smoothspike.data.DataSource;
import io.smoothspike.data.LabeledImages;

/** A training set and the held-out set evaluated after every epoch. */
public record TrainingData(TrialSet train, TrialSet test) {

    public TrainingData {
        if (train == null || train.size() == 0) {
            throw new IllegalArgumentException("training needs a non-empty training set");
        }
        if (test == null || test.size() == 0) {
            throw new IllegalArgumentException("training needs a non-empty held-out set");
        }
        if (train.getClass() != test.getClass()) {
            throw new IllegalArgumentException("the training and held-out sets must be of one kind (images or a "
                    + "data source)");
        }
    }

    /** Labelled images, encoded by the network's image input group. */
    public TrainingData(LabeledImages train, LabeledImages test) {
        this(train == null ? null : new TrialSet.Images(train), test == null ? null : new TrialSet.Images(test));
    }

    /** Trials of spike times, fed to the network's external input groups; the held-out set is not augmented. */
    public TrainingData(DataSource train, DataSource test) {
        this(train == null ? null : new TrialSet.Spikes(train, true),
                test == null ? null : new TrialSet.Spikes(test, false));
    }
}
