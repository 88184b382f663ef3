package io.smoothspike.grad;

/**
 * Settings of the pseudodynamics past T.
 *
 * @param alpha sharpness α of the QIF pseudo current softplus_α (default 10), positive
 * @param rule  pseudo-input propagation rule (default {@link PseudoInputRule#AUTO})
 */
public record PseudoSettings(double alpha, PseudoInputRule rule) {

    /** α = 10 and the automatic rule. */
    public static final PseudoSettings DEFAULT = new PseudoSettings(10, PseudoInputRule.AUTO);

    public PseudoSettings {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("pseudo-current sharpness alpha must be positive and finite, got "
                    + alpha);
        }
        if (rule == null) {
            throw new IllegalArgumentException("pseudo-input rule must not be null");
        }
    }
}
