package io.smoothspike.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Which (pre, post) pairs of a projection have a synapse. For a population projecting onto itself,
 * {@code selfConnections = false} removes the diagonal.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ConnectivitySpec.AllToAll.class, name = "allToAll"),
    @JsonSubTypes.Type(value = ConnectivitySpec.OneToOne.class, name = "oneToOne"),
    @JsonSubTypes.Type(value = ConnectivitySpec.Random.class, name = "random"),
    @JsonSubTypes.Type(value = ConnectivitySpec.Mask.class, name = "mask")})
public sealed interface ConnectivitySpec {

    /** The mask {@code [pre][post]}, validated against the sizes; null means every pair (dense). */
    boolean[][] mask(int pre, int post, boolean samePopulation, String where);

    /** The connectivity in words, e.g. {@code all-to-all}, for messages. */
    default String label() {
        if (this instanceof AllToAll) {
            return "all-to-all";
        }
        return this instanceof OneToOne ? "one-to-one" : this instanceof Random ? "random" : "mask";
    }

    /** Every pair. */
    record AllToAll(boolean selfConnections) implements ConnectivitySpec {
        public boolean[][] mask(int pre, int post, boolean same, String where) {
            return same && !selfConnections ? withoutDiagonal(pre, post, null) : null;
        }
    }

    /** Pre i to post i; needs equal sizes. */
    record OneToOne() implements ConnectivitySpec {
        public boolean[][] mask(int pre, int post, boolean same, String where) {
            if (pre != post) {
                throw new SpecException(where, "one-to-one connectivity needs equal sizes, got " + pre + " and "
                        + post);
            }
            boolean[][] m = new boolean[pre][post];
            for (int i = 0; i < pre; i++) {
                m[i][i] = true;
            }
            return m;
        }
    }

    /** Each pair independently with probability p, drawn from seed. */
    record Random(double p, long seed, boolean selfConnections) implements ConnectivitySpec {
        public boolean[][] mask(int pre, int post, boolean same, String where) {
            if (!(p >= 0 && p <= 1)) {
                throw new SpecException(where, "connection probability must lie in [0, 1], got " + p);
            }
            java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
            boolean[][] m = new boolean[pre][post];
            for (int i = 0; i < pre; i++) {
                for (int j = 0; j < post; j++) {
                    m[i][j] = rng.nextDouble() < p;
                }
            }
            return same && !selfConnections ? withoutDiagonal(pre, post, m) : m;
        }
    }

    /** An explicit mask {@code [pre][post]}. */
    record Mask(boolean[][] mask) implements ConnectivitySpec {
        public boolean[][] mask(int pre, int post, boolean same, String where) {
            if (mask == null || mask.length != pre) {
                throw new SpecException(where, "mask needs " + pre + " rows, got "
                        + (mask == null ? "none" : mask.length));
            }
            boolean[][] m = new boolean[pre][];
            for (int i = 0; i < pre; i++) {
                if (mask[i] == null || mask[i].length != post) {
                    throw new SpecException(where, "mask row " + i + " needs " + post + " entries, got "
                            + (mask[i] == null ? "none" : mask[i].length));
                }
                m[i] = mask[i].clone();
            }
            return m;
        }
    }

    private static boolean[][] withoutDiagonal(int pre, int post, boolean[][] base) {
        boolean[][] m = new boolean[pre][post];
        for (int i = 0; i < pre; i++) {
            for (int j = 0; j < post; j++) {
                m[i][j] = i != j && (base == null || base[i][j]);
            }
        }
        return m;
    }
}
