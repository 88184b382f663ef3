package io.smoothspike.train;

import io.smoothspike.data.LabeledImages;

/** A labelled training set and the held-out set evaluated after every epoch. */
public record TrainingData(LabeledImages train, LabeledImages test) {

    public TrainingData {
        if (train == null || train.size() == 0) {
            throw new IllegalArgumentException("training needs a non-empty training set");
        }
        if (test == null || test.size() == 0) {
            throw new IllegalArgumentException("training needs a non-empty held-out set");
        }
    }
}
