package io.smoothspike.dsl;

import io.smoothspike.loss.Loss;
import io.smoothspike.network.Network;
import io.smoothspike.spec.LossSpec;
import io.smoothspike.spec.ModelSpec;
import io.smoothspike.spec.NetworkSpec;

/**
 * The part every sub-builder ({@link InputBuilder}, {@link PopulationBuilder}, {@link ProjectionBuilder},
 * {@link ReadoutBuilder}) shares: {@link #and()} returns the {@link NetworkBuilder}, and the network-level calls
 * ({@code input}, {@code population}, {@code connect}, {@code readout}, {@code loss}, {@code spec},
 * {@code compile}, the trial settings) may follow a sub-builder directly; they act on the network and end the
 * sub-builder's chain. So
 *
 * <pre>{@code
 * network("n").trial(10).input("in", 3).external().population("p", 5, qif(1)).v0(-1).compile();
 * }</pre>
 *
 * is the same as writing {@code .and()} before {@code .population} and before {@code .compile}.
 */
public abstract class NetworkSection {

    private final NetworkBuilder network;

    NetworkSection(NetworkBuilder network) {
        this.network = network;
    }

    /** The network this part belongs to, to continue the description. */
    public NetworkBuilder and() {
        return network;
    }

    /** Same as {@link NetworkBuilder#trial(double)}. */
    public NetworkBuilder trial(double duration) {
        return network.trial(duration);
    }

    /** Same as {@link NetworkBuilder#trial(double, int)}. */
    public NetworkBuilder trial(double duration, int spikeCap) {
        return network.trial(duration, spikeCap);
    }

    /** Same as {@link NetworkBuilder#spikeCap(int)}. */
    public NetworkBuilder spikeCap(int spikeCap) {
        return network.spikeCap(spikeCap);
    }

    /** Same as {@link NetworkBuilder#pseudo(double, String)}. */
    public NetworkBuilder pseudo(double alpha, String rule) {
        return network.pseudo(alpha, rule);
    }

    /** Same as {@link NetworkBuilder#input(String, int)}. */
    public InputBuilder input(String name, int size) {
        return network.input(name, size);
    }

    /** Same as {@link NetworkBuilder#population(String, int, ModelSpec)}. */
    public PopulationBuilder population(String name, int size, ModelSpec model) {
        return network.population(name, size, model);
    }

    /** Same as {@link NetworkBuilder#connect(String, String)}. */
    public ProjectionBuilder connect(String from, String to) {
        return network.connect(from, to);
    }

    /** Same as {@link NetworkBuilder#readout(String)}. */
    public ReadoutBuilder readout(String population) {
        return network.readout(population);
    }

    /** Same as {@link NetworkBuilder#readout(String, int...)}. */
    public ReadoutBuilder readout(String population, int... neurons) {
        return network.readout(population, neurons);
    }

    /** Same as {@link NetworkBuilder#loss(LossDef)}. */
    public NetworkBuilder loss(LossDef loss) {
        return network.loss(loss);
    }

    /** Same as {@link NetworkBuilder#loss(LossSpec)}. */
    public NetworkBuilder loss(LossSpec loss) {
        return network.loss(loss);
    }

    /** Same as {@link NetworkBuilder#customLoss(String, Loss)}. */
    public NetworkBuilder customLoss(String name, Loss code) {
        return network.customLoss(name, code);
    }

    /** Same as {@link NetworkBuilder#spec()}. */
    public NetworkSpec spec() {
        return network.spec();
    }

    /** Same as {@link NetworkBuilder#compile()}. */
    public Network compile() {
        return network.compile();
    }
}
