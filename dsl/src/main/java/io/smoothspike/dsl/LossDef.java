package io.smoothspike.dsl;

import io.smoothspike.loss.Loss;
import io.smoothspike.spec.LossSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loss as the DSL builds it: the serialisable {@link LossSpec} plus the code of every custom loss it names (a
 * {@link LossSpec.Custom} keeps only the name; the network compiled from it keeps this code). Made by the loss
 * helpers of {@link Snn}; combine with {@link Snn#sum} and {@link Snn#weighted}; hand to
 * {@link NetworkBuilder#loss(LossDef)}. Immutable.
 */
public final class LossDef {

    private final LossSpec spec;
    private final Map<String, Loss> custom;

    private LossDef(LossSpec spec, Map<String, Loss> custom) {
        this.spec = spec;
        this.custom = Collections.unmodifiableMap(custom);
    }

    /** A built-in loss: no custom code. */
    static LossDef of(LossSpec spec) {
        return new LossDef(Check.notNull("loss", spec), new LinkedHashMap<>());
    }

    /** A custom loss known by {@code name}. */
    static LossDef custom(String name, Loss code) {
        Map<String, Loss> m = new LinkedHashMap<>();
        m.put(Check.name("custom loss", name), Check.notNull("code of custom loss '" + name + "'", code));
        return new LossDef(new LossSpec.Custom(name), m);
    }

    /**
     * Σ weight_k · loss_k, flattening nested sums (so {@code sum(weighted(2, a), b)} is one sum of two terms).
     * Custom losses of the same name must be the same object.
     */
    static LossDef sum(double[] weights, LossDef[] losses) {
        List<LossSpec.Term> terms = new ArrayList<>();
        Map<String, Loss> code = new LinkedHashMap<>();
        for (int k = 0; k < losses.length; k++) {
            LossDef l = Check.notNull("loss " + k + " of the sum", losses[k]);
            double w = Check.finite("weight of loss " + k + " of the sum", weights[k]);
            if (l.spec instanceof LossSpec.Sum inner) {
                for (LossSpec.Term t : inner.terms()) {
                    terms.add(new LossSpec.Term(w * t.weight(), t.loss()));
                }
            } else {
                terms.add(new LossSpec.Term(w, l.spec));
            }
            merge(code, l.custom);
        }
        return new LossDef(new LossSpec.Sum(terms), code);
    }

    /** Adds {@code more} to {@code into}, rejecting two different losses under one name. */
    static void merge(Map<String, Loss> into, Map<String, Loss> more) {
        for (Map.Entry<String, Loss> e : more.entrySet()) {
            Loss old = into.putIfAbsent(e.getKey(), e.getValue());
            if (old != null && old != e.getValue()) {
                throw new IllegalArgumentException("two different custom losses are named '" + e.getKey() + "'");
            }
        }
    }

    /** The serialisable description. */
    public LossSpec spec() {
        return spec;
    }

    /** The code of each custom loss the description names, by name (empty for built-in losses). */
    public Map<String, Loss> customLosses() {
        return custom;
    }

    @Override
    public String toString() {
        return "LossDef" + spec + (custom.isEmpty() ? "" : " with custom " + custom.keySet());
    }
}
