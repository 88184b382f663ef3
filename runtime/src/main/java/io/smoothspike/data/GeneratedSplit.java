package io.smoothspike.data;

import java.util.Locale;

/**
 * A fixed split of a generated data set ({@link YinYang.Split}, {@link SpikeIntervals.Split}): the seed of its
 * generator and its number of samples, named train, validation or test.
 */
public interface GeneratedSplit {

    /** The constant's name (TRAIN, VALIDATION, TEST). */
    String name();

    /** Seed of the split's generator. */
    long seed();

    /** Number of samples. */
    int size();

    /** The split's name in lower case: train, validation, test. */
    default String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The one of {@code splits} whose {@link #label()} is {@code label}; else an error that names {@code dataSet}. */
    static <S extends GeneratedSplit> S named(S[] splits, String label, String dataSet) {
        for (S s : splits) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException(dataSet + " split must be 'train', 'validation' or 'test', got '" + label
                + "'");
    }
}
