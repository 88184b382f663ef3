package io.smoothspike.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.SplittableRandom;

/**
 * How an array of numbers (initial states, weights) is filled: a constant, explicit values, a seeded random
 * distribution, the fan-in scaled uniform initialiser, or an explicit matrix (weights only). Same seed, same values.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ValueSpec.Constant.class, name = "constant"),
    @JsonSubTypes.Type(value = ValueSpec.Values.class, name = "values"),
    @JsonSubTypes.Type(value = ValueSpec.Uniform.class, name = "uniform"),
    @JsonSubTypes.Type(value = ValueSpec.Normal.class, name = "normal"),
    @JsonSubTypes.Type(value = ValueSpec.FanInUniform.class, name = "fanInUniform"),
    @JsonSubTypes.Type(value = ValueSpec.Matrix.class, name = "matrix")})
public sealed interface ValueSpec {

    /**
     * Fills {@code count} values; {@code fanIn} scales {@link FanInUniform}; {@code rows × cols} is the shape for a
     * {@link Matrix} (rows × cols = count) or 0 × 0 where no matrix is allowed. {@code where} names the target.
     */
    double[] generate(int count, int fanIn, int rows, int cols, String where);

    /** Every value equal to {@code value}. */
    record Constant(double value) implements ValueSpec {
        public double[] generate(int count, int fanIn, int rows, int cols, String where) {
            Validate.finite(where, "constant", value);
            double[] v = new double[count];
            java.util.Arrays.fill(v, value);
            return v;
        }
    }

    /** Explicit values, one per element. */
    record Values(double[] values) implements ValueSpec {
        public double[] generate(int count, int fanIn, int rows, int cols, String where) {
            if (values == null || values.length != count) {
                throw new SpecException(where, "needs " + count + " values, got "
                        + (values == null ? "none" : values.length));
            }
            for (int k = 0; k < count; k++) {
                Validate.finite(where, "value " + k, values[k]);
            }
            return values.clone();
        }
    }

    /** Uniform in [low, high). */
    record Uniform(double low, double high, long seed) implements ValueSpec {
        public double[] generate(int count, int fanIn, int rows, int cols, String where) {
            Validate.finite(where, "low", low);
            Validate.finite(where, "high", high);
            if (!(high >= low)) {
                throw new SpecException(where, "uniform range needs low <= high, got [" + low + ", " + high + "]");
            }
            SplittableRandom rng = new SplittableRandom(seed);
            double[] v = new double[count];
            for (int k = 0; k < count; k++) {
                v[k] = low + (high - low) * rng.nextDouble();
            }
            return v;
        }
    }

    /** Normal with mean and standard deviation. */
    record Normal(double mean, double std, long seed) implements ValueSpec {
        public double[] generate(int count, int fanIn, int rows, int cols, String where) {
            Validate.finite(where, "mean", mean);
            if (!(std >= 0) || Double.isInfinite(std)) {
                throw new SpecException(where, "normal std must be finite and >= 0, got " + std);
            }
            SplittableRandom rng = new SplittableRandom(seed);
            double[] v = new double[count];
            for (int k = 0; k < count; k++) {
                double u = 1 - rng.nextDouble();
                double w = rng.nextDouble();
                v[k] = mean + std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
            }
            return v;
        }
    }

    /** {@code (offset + U(−scale, scale)) / sqrt(fan_in)}; the paper's initialiser is scale 0.5, offset 0. */
    record FanInUniform(double scale, double offset, long seed) implements ValueSpec {
        public double[] generate(int count, int fanIn, int rows, int cols, String where) {
            Validate.finite(where, "scale", scale);
            Validate.finite(where, "offset", offset);
            if (fanIn <= 0) {
                throw new SpecException(where, "fan-in scaled initialisation needs a positive fan-in");
            }
            SplittableRandom rng = new SplittableRandom(seed);
            double norm = 1 / Math.sqrt(fanIn);
            double[] v = new double[count];
            for (int k = 0; k < count; k++) {
                v[k] = (offset + scale * (2 * rng.nextDouble() - 1)) * norm;
            }
            return v;
        }
    }

    /** An explicit matrix {@code values[row][col]} (weights: row = presynaptic, col = postsynaptic). */
    record Matrix(double[][] values) implements ValueSpec {
        public double[] generate(int count, int fanIn, int rows, int cols, String where) {
            if (rows * cols == 0) {
                throw new SpecException(where, "a matrix is only allowed for weights");
            }
            if (values == null || values.length != rows) {
                throw new SpecException(where, "matrix needs " + rows + " rows, got "
                        + (values == null ? "none" : values.length));
            }
            double[] v = new double[rows * cols];
            for (int i = 0; i < rows; i++) {
                if (values[i] == null || values[i].length != cols) {
                    throw new SpecException(where, "matrix row " + i + " needs " + cols + " entries, got "
                            + (values[i] == null ? "none" : values[i].length));
                }
                for (int j = 0; j < cols; j++) {
                    Validate.finite(where, "entry [" + i + "][" + j + "]", values[i][j]);
                    v[i * cols + j] = values[i][j];
                }
            }
            return v;
        }
    }
}
