package io.smoothspike.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.smoothspike.model.Lif;
import io.smoothspike.model.NeuronModel;
import io.smoothspike.model.OscillatoryLif;
import io.smoothspike.model.Qif;
import io.smoothspike.model.Theta;
import java.util.List;

/**
 * A neuron model by name with its constants: {@code qif} (tau), {@code theta} (tau, drive), {@code lif} (tau,
 * threshold; default 1), {@code oscillatory-lif} (tau, drive, threshold; default 1). Unused constants must be absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSpec(String type, Double tau, Double drive, Double threshold) {

    /** Known model types. */
    public static final List<String> TYPES = List.of("qif", "theta", "lif", "oscillatory-lif");

    public static ModelSpec qif(double tau) {
        return new ModelSpec("qif", tau, null, null);
    }

    public static ModelSpec theta(double tau, double drive) {
        return new ModelSpec("theta", tau, drive, null);
    }

    public static ModelSpec lif(double tau, double threshold) {
        return new ModelSpec("lif", tau, null, threshold);
    }

    public static ModelSpec oscillatoryLif(double tau, double drive, double threshold) {
        return new ModelSpec("oscillatory-lif", tau, drive, threshold);
    }

    /** The validated model; {@code where} names the population for messages. */
    public NeuronModel toModel(String where) {
        Validate.present(where, "neuron model type", type);
        Validate.present(where, "tau of the " + type + " model", tau);
        try {
            switch (type) {
                case "qif":
                    unused(where, "drive", drive);
                    unused(where, "threshold", threshold);
                    return new Qif(tau);
                case "theta":
                    unused(where, "threshold", threshold);
                    return new Theta(tau, Validate.present(where, "drive of the theta model", drive));
                case "lif":
                    unused(where, "drive", drive);
                    return new Lif(tau, threshold == null ? 1 : threshold);
                case "oscillatory-lif":
                    return new OscillatoryLif(tau, Validate.present(where, "drive of the oscillatory-lif model",
                            drive), threshold == null ? 1 : threshold);
                default:
                    throw new SpecException(where, "unknown neuron model '" + type + "'; known: " + TYPES);
            }
        } catch (SpecException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SpecException(where, e.getMessage());
        }
    }

    private void unused(String where, String name, Double value) {
        if (value != null) {
            throw new SpecException(where, "the " + type + " model has no constant '" + name + "'");
        }
    }
}
