package io.smoothspike.cli;

import io.smoothspike.data.DataSource;
import io.smoothspike.data.YinYang;
import io.smoothspike.dsl.Snn;
import io.smoothspike.network.Network;
import io.smoothspike.train.Trainer;
import io.smoothspike.train.TrainingData;
import io.smoothspike.train.TrainingResult;
import io.smoothspike.train.TrainingSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Training throughput on the Yin-Yang data set: the network and settings of scripts/yinyang.groovy, trained by the
 * trainer itself (forward + backward + AdaBelief step, batch encoding alongside); the last of the epochs is
 * measured, the ones before it warm up the JIT. The held-out evaluation after each epoch is not timed.
 */
final class YinYangBenchmark {

    /** Defaults of scripts/yinyang.groovy. */
    static final int HIDDEN = 60;
    static final int BATCH = 30;
    static final double LR = 0.01;
    static final double SCALE = 4;
    static final double DURATION = 4;
    static final double GAMMA = 0.1;

    private YinYangBenchmark() {
    }

    /** The network of scripts/yinyang.groovy with its defaults. */
    static Network network(long seed) {
        var theta = Snn.theta(6 / Math.PI, 1.25);
        return Snn.network("yinyang").trial(DURATION, 100)
                .input("xy", YinYang.Encoding.DEFAULT.channels()).external()
                .population("hidden", HIDDEN, theta).phase0(3).trainInitial()
                .population("out", YinYang.CLASSES, theta).phase0(3).trainInitial()
                .connect("xy", "hidden").weights(Snn.fanInUniform(SCALE, seed))
                .connect("hidden", "out").weights(Snn.fanInUniform(SCALE, seed + 1))
                .readout("out")
                .loss(Snn.crossEntropy(GAMMA))
                .compile();
    }

    /**
     * Trains {@code epochs} epochs (at least 2) on the first {@code samples} training samples, on {@code threads}
     * threads; one JSON row, the last epoch's rate.
     */
    static Map<String, Object> run(int epochs, int samples, int threads) {
        if (epochs < 2) {
            throw new UsageException("--epochs must be at least 2: the first epochs warm up, the last is measured");
        }
        int all = YinYang.Split.TRAIN.size();
        if (samples < 1 || samples > all) {
            throw new UsageException("--samples must be 1 to " + all + ", got " + samples);
        }
        DataSource train = YinYang.split(YinYang.Split.TRAIN).source(YinYang.Encoding.DEFAULT).first(samples);
        DataSource test = YinYang.split(YinYang.Split.TEST).source(YinYang.Encoding.DEFAULT);
        TrainingResult r = Trainer.train(network(1), new TrainingSettings().epochs(epochs).batchSize(BATCH)
                .optimizer("adabelief").learningRate(LR).cosine(LR / 100).threads(threads),
                new TrainingData(train, test), null, null, null);
        double seconds = ((Number) r.finalMetrics().get("seconds_per_epoch")).doubleValue();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("case", "theta-" + HIDDEN);
        row.put("samples_per_s", Math.round(train.size() / seconds));
        row.put("seconds_per_epoch", Math.round(seconds * 100) / 100.0);
        row.put("samples", samples);
        row.put("epochs", epochs);
        row.put("batch", BATCH);
        row.put("test_accuracy", r.finalMetrics().get("test_accuracy"));
        row.put("threads", threads);
        row.put("cores", Runtime.getRuntime().availableProcessors());
        return row;
    }
}
