package io.smoothspike.math;

/**
 * Adds between a row at an offset of a flat matrix and a vector indexed from 0. HotSpot's C2 compiler (JDK 17)
 * vectorizes a loop only when every array in it is read and written at the same index; with a row offset it cannot
 * rule out that the arrays overlap and runs the loop element by element. These methods copy the row to a scratch
 * array first ({@code System.arraycopy} is a block copy), so that the arithmetic runs on same-index arrays: about
 * twice as fast for rows of ~100 entries (measured on the MNIST network's input and hidden layers).
 */
public final class Rows {

    private Rows() {
    }

    /** {@code v[i] += scale · m[offset + i]} for i &lt; n; {@code scratch} needs n entries. */
    public static void addRowTo(double[] v, double[] m, int offset, double scale, int n, double[] scratch) {
        System.arraycopy(m, offset, scratch, 0, n);
        for (int i = 0; i < n; i++) {
            v[i] += scale * scratch[i];
        }
    }

    /** {@code m[offset + i] += scale · v[i]} for i &lt; n; {@code scratch} needs n entries. */
    public static void addToRow(double[] m, int offset, double[] v, double scale, int n, double[] scratch) {
        System.arraycopy(m, offset, scratch, 0, n);
        for (int i = 0; i < n; i++) {
            scratch[i] += scale * v[i];
        }
        System.arraycopy(scratch, 0, m, offset, n);
    }
}
