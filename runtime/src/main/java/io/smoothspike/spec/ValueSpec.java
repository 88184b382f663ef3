package io.smoothspike.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.SplittableRandom;

/**
 * How an array of numbers (initial states, weights) is filled: a constant, explicit values, a seeded random
 * distribution, the fan-in scaled uniform initialiser, or, for weights only, an explicit matrix, a random orthogonal
 * matrix or values scaled to a spectral radius. Same seed, same values.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ValueSpec.Constant.class, name = "constant"),
    @JsonSubTypes.Type(value = ValueSpec.Values.class, name = "values"),
    @JsonSubTypes.Type(value = ValueSpec.Uniform.class, name = "uniform"),
    @JsonSubTypes.Type(value = ValueSpec.Normal.class, name = "normal"),
    @JsonSubTypes.Type(value = ValueSpec.FanInUniform.class, name = "fanInUniform"),
    @JsonSubTypes.Type(value = ValueSpec.Matrix.class, name = "matrix"),
    @JsonSubTypes.Type(value = ValueSpec.Orthogonal.class, name = "orthogonal"),
    @JsonSubTypes.Type(value = ValueSpec.SpectralRadius.class, name = "spectralRadius")})
public sealed interface ValueSpec {

    /**
     * Fills {@code count} values; {@code fanIn} scales {@link FanInUniform}; {@code rows × cols} is the shape for a
     * {@link Matrix} (rows × cols = count) or 0 × 0 where no matrix is allowed. {@code where} names the target.
     */
    double[] generate(int count, int fanIn, int rows, int cols, String where);

    /**
     * The weights of a {@code pre × post} projection, row-major by presynaptic neuron, one for every pair; the
     * compiler keeps those where {@code mask} (null: every pair) is true. Fan-in is {@code pre}.
     */
    default double[] weights(int pre, int post, boolean[][] mask, String where) {
        return generate(pre * post, pre, pre, post, where);
    }

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

    /**
     * A random orthogonal matrix times {@code gain}, Haar-distributed, drawn from {@code seed} (see
     * {@link MatrixInitialisers#orthogonal}): WᵀW = gain²·I for pre ≥ post, W·Wᵀ = gain²·I for pre &lt; post. Weights
     * only, of projections with every (pre, post) synapse.
     */
    record Orthogonal(double gain, long seed) implements ValueSpec {
        public double[] generate(int count, int fanIn, int rows, int cols, String where) {
            throw new SpecException(where, "an orthogonal matrix is only allowed for weights");
        }

        @Override
        public double[] weights(int pre, int post, boolean[][] mask, String where) {
            Validate.finite(where, "orthogonal gain", gain);
            if (mask != null) {
                throw new SpecException(where, "an orthogonal matrix needs every (pre, post) synapse, and this "
                        + "projection's connectivity leaves some out (a population projecting onto itself leaves "
                        + "out self-connections unless told otherwise): connect all-to-all with self-connections");
            }
            return MatrixInitialisers.orthogonal(pre, post, gain, seed);
        }
    }

    /**
     * The weights {@code values} draws, without the entries the connectivity leaves out, scaled so that the largest
     * modulus of their eigenvalues is {@code radius} (≥ 0). Weights only, of square projections (a population onto
     * itself or onto one of equal size).
     */
    record SpectralRadius(double radius, ValueSpec values) implements ValueSpec {
        public double[] generate(int count, int fanIn, int rows, int cols, String where) {
            throw new SpecException(where, "a spectral radius is only allowed for weights");
        }

        @Override
        public double[] weights(int pre, int post, boolean[][] mask, String where) {
            if (!(Validate.finite(where, "spectral radius", radius) >= 0)) {
                throw new SpecException(where, "spectral radius must be >= 0, got " + radius);
            }
            Validate.present(where, "the values to scale to a spectral radius", values);
            if (pre != post) {
                throw new SpecException(where, "a spectral radius needs a square weight matrix (a population "
                        + "projecting onto itself or onto one of equal size); this projection is " + pre + " × "
                        + post + " (presynaptic × postsynaptic)");
            }
            double[] w = values.weights(pre, post, mask, where);
            for (int i = 0; mask != null && i < pre; i++) {
                for (int j = 0; j < post; j++) {
                    w[i * post + j] = mask[i][j] ? w[i * post + j] : 0;
                }
            }
            return MatrixInitialisers.scaleToSpectralRadius(w, pre, radius, where);
        }
    }
}
