package io.smoothspike.export;

import java.util.Arrays;
import java.util.List;

/**
 * One named array of an export: its values in row-major (C) order, its shape and a name for each axis (e.g.
 * {@code pre}, {@code post} for a weight matrix). Values are {@code double[]}, {@code int[]}, {@code boolean[]} or
 * {@code String[]}; the arrays are not copied.
 */
public record ExportArray(String name, List<String> axes, int[] shape, Object values) {

    public ExportArray {
        axes = List.copyOf(axes);
        shape = shape.clone();
        if (axes.size() != shape.length) {
            throw new IllegalArgumentException(name + ": " + shape.length + " dimensions, " + axes.size()
                    + " axis names");
        }
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n != length(values)) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " holds " + n
                    + " values, got " + length(values));
        }
    }

    /** A scalar (no axes). */
    public static ExportArray scalar(String name, double value) {
        return new ExportArray(name, List.of(), new int[0], new double[] {value});
    }

    /** A one-dimensional array along {@code axis}. */
    public static ExportArray vector(String name, String axis, Object values) {
        return new ExportArray(name, List.of(axis), new int[] {length(values)}, values);
    }

    /** The number of values. */
    public int length() {
        return length(values);
    }

    /** The NumPy name of the element type: {@code float64}, {@code int32}, {@code bool} or {@code str}. */
    public String dtype() {
        if (values instanceof double[]) {
            return "float64";
        }
        if (values instanceof int[]) {
            return "int32";
        }
        return values instanceof boolean[] ? "bool" : "str";
    }

    /** Value k as a Java object (Double, Integer, Boolean or String). */
    public Object value(int k) {
        if (values instanceof double[] d) {
            return d[k];
        }
        if (values instanceof int[] i) {
            return i[k];
        }
        if (values instanceof boolean[] b) {
            return b[k];
        }
        return ((String[]) values)[k];
    }

    private static int length(Object values) {
        if (values instanceof double[] d) {
            return d.length;
        }
        if (values instanceof int[] i) {
            return i.length;
        }
        if (values instanceof boolean[] b) {
            return b.length;
        }
        if (values instanceof String[] s) {
            return s.length;
        }
        throw new IllegalArgumentException("export arrays hold double[], int[], boolean[] or String[], not "
                + (values == null ? "null" : values.getClass().getSimpleName()));
    }
}
