package org.optdyn.games;

import org.optdyn.engine.optim.GradientOracle;

/**
 * A smooth game as its vector field {@code F(w) = (∇_{w_1} f_1, …, ∇_{w_N} f_N)} (the simultaneous gradient
 * field; for a two-player zero-sum game {@code min_x max_y f}, {@code F = (∇_x f, -∇_y f)}), with Jacobian-vector
 * and vector-Jacobian products (spectral-shapes.md §1).
 *
 * <p>Implementations are immutable and allocation-free in {@link #field}, {@link #jvp} and {@link #vjp}, so one
 * game may be shared between threads.
 */
public interface Game {

    /** @return the number of parameters {@code p} of all players together. */
    int dimension();

    /**
     * @return the index where the second player's parameters start ({@code w = (x, y)}, {@code y = w[split..]}),
     *         used by alternating updates; {@code 0} for a single block
     */
    int split();

    /**
     * The vector field.
     *
     * @param w   the point (read)
     * @param out {@code F(w)} (written; must not alias {@code w})
     */
    void field(double[] w, double[] out);

    /**
     * Jacobian-vector product.
     *
     * @param w   the point (read)
     * @param v   the direction (read)
     * @param out {@code J(w) v} (written; aliases neither input)
     */
    void jvp(double[] w, double[] v, double[] out);

    /**
     * Vector-Jacobian product (the {@code J(w)ᵀ F(w)} of consensus optimization).
     *
     * @param w   the point (read)
     * @param u   the co-direction (read)
     * @param out {@code J(w)ᵀ u} (written; aliases neither input)
     */
    void vjp(double[] w, double[] u, double[] out);

    /** @return a copy of the equilibrium {@code w*} ({@code F(w*) = 0}). */
    double[] equilibrium();

    /** @return the field as an engine gradient oracle. */
    default GradientOracle oracle() {
        return this::field;
    }
}
