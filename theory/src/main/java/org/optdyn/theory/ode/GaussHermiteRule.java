package org.optdyn.theory.ode;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * Gauss–Hermite expectations under Gaussian laws (sgd-ode.md §2.7), on top of Hipparchus'
 * {@link GaussIntegratorFactory#hermite(int)} rule for n ≤ 50 and Golub–Welsch beyond (physicists' weight e^{−ξ²},
 * nodes ξ_k, weights ϖ_k).
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
    /**
     * Largest n taken from Hipparchus' Hermite rule factory, whose recursive Newton iteration stops converging for
     * larger n (it did not return for n = 80); Golub–Welsch is used beyond.
     */
    static final int HIPPARCHUS_MAX_NODES = 50;

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
        if (n <= HIPPARCHUS_MAX_NODES) {
            GaussIntegrator rule = new GaussIntegratorFactory().hermite(n);
            nodes = new double[n];
            weights = new double[n];
            for (int k = 0; k < n; k++) {
                nodes[k] = rule.getPoint(k);
                weights[k] = rule.getWeight(k);
            }
        } else {
            double[][] nw = golubWelsch(n);
            nodes = nw[0];
            weights = nw[1];
        }
        zNodes = new double[n];
        pWeights = new double[n];
        for (int k = 0; k < n; k++) {
            zNodes[k] = Math.sqrt(2) * nodes[k];
            pWeights[k] = weights[k] / SQRT_PI;
        }
    }

    /**
     * Golub–Welsch (sgd-ode.md §2.7): the nodes are the eigenvalues of the symmetric tridiagonal Jacobi matrix with
     * zero diagonal and off-diagonals √(k/2), k = 1..n−1; the weights are √π v₁² with v₁ the first component of the
     * unit eigenvector (Hipparchus {@link EigenDecompositionSymmetric} on the tridiagonal form). Returns
     * {nodes, weights}, nodes ascending. Weights below ~1e-16 have only absolute accuracy (their terms are
     * negligible in any expectation).
     */
    static double[][] golubWelsch(int n) {
        double[] main = new double[n];
        double[] off = new double[n - 1];
        for (int k = 1; k < n; k++) {
            off[k - 1] = Math.sqrt(k / 2.0);
        }
        var eig = new EigenDecompositionSymmetric(main, off);
        double[] ev = eig.getEigenvalues();
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(k -> ev[k]));
        double[] x = new double[n];
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            double v1 = eig.getEigenvector(i).getEntry(0);
            x[k] = ev[i];
            w[k] = SQRT_PI * v1 * v1;
        }
        return new double[][]{x, w};
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
