package io.smoothspike.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.data.DataSource;
import io.smoothspike.data.Shd;
import io.smoothspike.data.SpikeCsv;
import io.smoothspike.data.SpikeFileOptions;
import io.smoothspike.data.SpikeNpz;
import io.smoothspike.spec.InputSpec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A network trains on each spike-file format: the task of {@link DataSourceTrainingTest} as CSV, .npz and SHD-layout
 * HDF5 files, written by {@code make_files.py} in the test resources folder {@code io/smoothspike/data/spikefiles}.
 */
class SpikeFileTrainingTest {

    private static Path resource(String name) {
        try {
            return Path.of(SpikeFileTrainingTest.class.getResource("/io/smoothspike/data/spikefiles/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertTrains(DataSource train, DataSource test) {
        TrainingResult r = Trainer.train(DataSourceTrainingTest.network(new InputSpec.External(), 3),
                DataSourceTrainingTest.settings(3), new TrainingData(train, test), null, null, null);
        assertTrue(r.finalLoss() < r.initialLoss(), "training lowers the loss: " + r.initialLoss() + " -> "
                + r.finalLoss());
        assertTrue(r.finalMetrics().get("test_accuracy") instanceof Double a && a >= 0 && a <= 1,
                "accuracy reported: " + r.finalMetrics());
    }

    @Test
    void trainsFromCsvFiles() throws IOException {
        assertTrains(SpikeCsv.read(resource("train-spikes.csv"), resource("train-labels.csv"),
                SpikeFileOptions.DEFAULTS), SpikeCsv.read(resource("test-spikes.csv"), resource("test-labels.csv"),
                SpikeFileOptions.DEFAULTS));
    }

    @Test
    void trainsFromNpzFiles() throws IOException {
        assertTrains(SpikeNpz.read(resource("train.npz"), SpikeFileOptions.DEFAULTS),
                SpikeNpz.read(resource("test.npz"), SpikeFileOptions.DEFAULTS));
    }

    @Test
    void trainsFromShdFiles() throws IOException {
        SpikeFileOptions options = SpikeFileOptions.DEFAULTS.pool(3).timeScale(2);
        assertTrains(Shd.read(resource("train-shd.h5"), options), Shd.read(resource("test-shd.h5"), options));
    }
}
