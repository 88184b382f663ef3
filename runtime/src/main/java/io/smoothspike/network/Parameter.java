package io.smoothspike.network;

/**
 * A named parameter of a compiled network: how many values it has and how to read and write them. Weights and
 * input spike times are live arrays of the simulation graph; initial states are one model coordinate of a
 * population's interleaved state array; model constants are single values.
 */
interface Parameter {

    String name();

    int length();

    /** Copies the current values into {@code out[0…length)}. */
    void read(double[] out);

    /** Sets the values from {@code in[0…length)}. */
    void write(double[] in);

    /** Whether the description marks it trainable. */
    boolean trainable();
}
