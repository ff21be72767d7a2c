package org.optdyn.theory.ode;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Gauss–Hermite expectations under Gaussian laws (sgd-ode.md §2.7), on top of Hipparchus'
 * {@link GaussIntegratorFactory#hermite(int)} rule (physicists' weight e^{−ξ²}, nodes ξ_k, weights ϖ_k).
 *
 * <ul>
 *   <li>1-D: E[g(√v z)] ≈ π^{−1/2} Σ_k ϖ_k g(√(2v) ξ_k), exact for polynomials of degree ≤ 2n−1.</li>
 *   <li>2-D, (x,y) ~ N(0,B): the y-first factorization y = √B₂₂ z₁,
 *       x = (B₁₂/√B₂₂) z₁ + √max(0, B₁₁ − B₁₂²/B₂₂) z₂ (exact at B₁₁ = 0, i.e. X₀ = 0; roles swapped when
 *       B₂₂ = 0), then the tensor rule π^{−1} Σ_k Σ_l ϖ_k ϖ_l g(x, y) — n² evaluations.
 *       The reference implementation factors x first and adds 10⁻⁶ I when B is singular; the two differ by O(10⁻⁶).</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class GaussHermiteRule {

    /** The node count of sgd-ode.md §2.7 and the reference implementation. */
    public static final int DEFAULT_NODES = 50;

    private static final double SQRT_PI = Math.sqrt(Math.PI);

    private final double[] nodes;
    private final double[] weights;
    /** √2 ξ_k: standard-normal abscissae. */
    private final double[] zNodes;
    /** ϖ_k / √π: probability weights summing to 1. */
    private final double[] pWeights;

    /**
     * @param n number of nodes, 1 ≤ n ≤ 400
     */
    public GaussHermiteRule(int n) {
        if (n < 1 || n > 400) {
            throw new IllegalArgumentException("n must be in [1, 400], got " + n);
        }
        GaussIntegrator rule = new GaussIntegratorFactory().hermite(n);
        nodes = new double[n];
        weights = new double[n];
        zNodes = new double[n];
        pWeights = new double[n];
        for (int k = 0; k < n; k++) {
            nodes[k] = rule.getPoint(k);
            weights[k] = rule.getWeight(k);
            zNodes[k] = Math.sqrt(2) * nodes[k];
            pWeights[k] = weights[k] / SQRT_PI;
        }
    }

    /** The 50-node rule of sgd-ode.md §2.7. */
    public static GaussHermiteRule standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final GaussHermiteRule STANDARD = new GaussHermiteRule(DEFAULT_NODES);
    }

    /** Number of nodes n. */
    public int size() {
        return nodes.length;
    }

    /** Copy of the physicists' nodes ξ_k. */
    public double[] nodes() {
        return nodes.clone();
    }

    /** Copy of the physicists' weights ϖ_k (Σ ϖ_k = √π). */
    public double[] weights() {
        return weights.clone();
    }

    /** Standard-normal abscissae √2 ξ_k (shared, do not modify). */
    double[] standardNormalNodes() {
        return zNodes;
    }

    /** Probability weights ϖ_k/√π summing to 1 (shared, do not modify). */
    double[] probabilityWeights() {
        return pWeights;
    }

    /** E[g(√v z)], z ~ N(0,1), v ≥ 0. */
    public double expectation(double variance, DoubleUnaryOperator g) {
        double sd = Math.sqrt(Math.max(0, variance));
        double s = 0;
        for (int k = 0; k < zNodes.length; k++) {
            s += pWeights[k] * g.applyAsDouble(sd * zNodes[k]);
        }
        return s;
    }

    /**
     * E_B[g(x,y)], (x,y) ~ N(0,B), by the y-first tensor rule of sgd-ode.md §2.7.
     *
     * @param g evaluated at n² points (x, y)
     */
    public double expectation(double b11, double b12, double b22, DoubleBinaryOperator g) {
        if (b22 > 0) {
            double sy = Math.sqrt(b22);
            double a = b12 / sy;
            double c = Math.sqrt(Math.max(0, b11 - b12 * b12 / b22));
            double s = 0;
            for (int k = 0; k < zNodes.length; k++) {
                double y = sy * zNodes[k];
                double ax = a * zNodes[k];
                double inner = 0;
                for (int l = 0; l < zNodes.length; l++) {
                    inner += pWeights[l] * g.applyAsDouble(ax + c * zNodes[l], y);
                }
                s += pWeights[k] * inner;
            }
            return s;
        }
        // B22 = 0 (so B12 = 0 for a PSD B): y ≡ 0, x = √B11 z.
        return expectation(b11, x -> g.applyAsDouble(x, 0.0));
    }
}
