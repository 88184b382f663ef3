package io.smoothspike.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Trials of input spikes from an HDF5 file in the layout of the Spiking Heidelberg Digits (Cramer et al. 2020):
 * {@code spikes/times} (seconds) and {@code spikes/units} (channels, 700 in SHD), one variable-length array per trial,
 * and {@code labels}, one class per trial. Read with jHDF, which a Java application adds to its dependencies to use
 * this class ({@code io.jhdf:jhdf}); the shell has it.
 *
 * <p>Typically {@code SpikeFileOptions.DEFAULTS.channels(700).pool(10).timeScale(…)}: 70 channels, times mapped
 * onto the trial. Errors are {@link IOException}s naming the file, the dataset and the trial.
 */
public final class Shd {

    private Shd() {
    }

    /** The trials of {@code file}, read with {@code options}. */
    public static DataSource read(Path file, SpikeFileOptions options) throws IOException {
        try {
            Class.forName("io.jhdf.HdfFile", false, Shd.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("reading HDF5 files needs jHDF: add the dependency io.jhdf:jhdf to the "
                    + "application", e);
        }
        return ShdFile.read(file, options);
    }
}
