package org.optdyn.theory.shapes;

import java.util.Objects;

/**
 * A method with hyper-parameters chosen for a shape, and its rate per iteration on that shape.
 *
 * @param method the tuned method
 * @param rate   {@code ρ_M(K)} per iteration
 * @param <M>    the method type
 */
public record Tuned<M extends FirstOrderMethod>(M method, double rate) {

    public Tuned {
        Objects.requireNonNull(method, "method");
    }

    /** @return the rate per oracle call. */
    public double ratePerCall() {
        return method.perCall(rate);
    }
}
