package io.smoothspike.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** The loss of the output times (docs/method.md §6), a weighted sum of losses, or a user loss known by name. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = LossSpec.SpikeTime.class, name = "spikeTime"),
    @JsonSubTypes.Type(value = LossSpec.SpikeTrain.class, name = "spikeTrain"),
    @JsonSubTypes.Type(value = LossSpec.CrossEntropy.class, name = "crossEntropy"),
    @JsonSubTypes.Type(value = LossSpec.Sum.class, name = "sum"),
    @JsonSubTypes.Type(value = LossSpec.Custom.class, name = "custom")})
public sealed interface LossSpec {

    /** Mean squared error of output times against {@code targets[readout neuron][k]}. */
    record SpikeTime(double[][] targets) implements LossSpec {
    }

    /**
     * The recurrent-network loss against target trains {@code targets[neuron]}, to which a final target at
     * {@code finalFactor · T} is appended (1.1 in the paper).
     */
    record SpikeTrain(double[][] targets, double finalFactor) implements LossSpec {
    }

    /** First-spike cross-entropy plus γ(exp(t_label/T) − 1); labels come with the data. */
    record CrossEntropy(double gamma) implements LossSpec {
    }

    /** Σ weight_k · loss_k. */
    record Sum(List<Term> terms) implements LossSpec {
    }

    /** One weighted term of a {@link Sum}. */
    record Term(double weight, LossSpec loss) {
    }

    /** A user loss given in code (Java lambda or Groovy closure); only its name is saved. */
    record Custom(String name) implements LossSpec {
    }
}
