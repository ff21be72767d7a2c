package org.optdyn.theory.spectrum;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * A discrete measure {@code sum_j w_j delta_{z_j}} standing for a spectral distribution: nodes {@code z_j >= 0}
 * and weights {@code w_j >= 0}. Arrays are copied on construction and on access.
 *
 * @param nodes   the points {@code z_j}
 * @param weights the masses {@code w_j}, same length
 */
public record SpectralQuadrature(double[] nodes, double[] weights) {

    public SpectralQuadrature {
        if (nodes.length != weights.length) {
            throw new IllegalArgumentException("nodes.length = " + nodes.length + " but weights.length = "
                    + weights.length);
        }
        if (nodes.length == 0) {
            throw new IllegalArgumentException("a quadrature needs at least one node");
        }
        for (int j = 0; j < nodes.length; j++) {
            if (!(weights[j] >= 0.0) || !Double.isFinite(weights[j])) {
                throw new IllegalArgumentException("weights[" + j + "] must be finite and >= 0, got " + weights[j]);
            }
            if (!Double.isFinite(nodes[j])) {
                throw new IllegalArgumentException("nodes[" + j + "] must be finite, got " + nodes[j]);
            }
        }
        nodes = nodes.clone();
        weights = weights.clone();
    }

    @Override
    public double[] nodes() {
        return nodes.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** @return the number of nodes. */
    public int size() {
        return nodes.length;
    }

    /** @return the node {@code z_j}. */
    public double node(int j) {
        return nodes[j];
    }

    /** @return the weight {@code w_j}. */
    public double weight(int j) {
        return weights[j];
    }

    /** @return {@code sum_j w_j f(z_j)}. */
    public double integrate(DoubleUnaryOperator f) {
        double s = 0.0;
        for (int j = 0; j < nodes.length; j++) {
            s += weights[j] * f.applyAsDouble(nodes[j]);
        }
        return s;
    }

    /** @return the total mass {@code sum_j w_j}. */
    public double mass() {
        return Arrays.stream(weights).sum();
    }

    /**
     * @param l exponent, {@code >= 0}
     * @return the rule for the measure {@code lambda^l dmu} (weights multiplied by {@code z_j^l}; nodes with zero
     *         resulting weight are kept)
     */
    public SpectralQuadrature tilted(int l) {
        if (l < 0) {
            throw new IllegalArgumentException("l must be >= 0, got " + l);
        }
        double[] w = weights.clone();
        for (int j = 0; j < w.length; j++) {
            w[j] *= Math.pow(nodes[j], l);
        }
        return new SpectralQuadrature(nodes, w);
    }

    /** @return this rule followed by an extra atom of mass {@code mass} at {@code node} (skipped if mass is 0). */
    public SpectralQuadrature withAtom(double node, double mass) {
        if (mass == 0.0) {
            return this;
        }
        double[] z = Arrays.copyOf(nodes, nodes.length + 1);
        double[] w = Arrays.copyOf(weights, weights.length + 1);
        z[nodes.length] = node;
        w[weights.length] = mass;
        return new SpectralQuadrature(z, w);
    }
}
