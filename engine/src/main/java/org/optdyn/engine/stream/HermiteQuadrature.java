package org.optdyn.engine.stream;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The physicists' Gauss–Hermite rule (weight {@code e^{-xi^2}}, nodes {@code xi_k}, weights {@code w_k}) and the
 * Gaussian expectations built on it (sgd-ode.md §2.7): the project's one quadrature rule, used by the homogenized-SGD
 * solver here ({@link PopulationTerms}) and by the ODE's logistic model in the theory module.
 *
 * <p><b>Nodes and weights.</b> {@link #of(int)} computes them in this module: with the orthonormal Hermite
 * polynomials {@code p_0 = pi^(-1/4)}, {@code p_j(x) = x sqrt(2/j) p_{j-1}(x) - sqrt((j-1)/j) p_{j-2}(x)}, the nodes
 * are the {@code n} roots of {@code p_n}, all inside {@code |x| < sqrt(2n+1)}. They are bracketed by sign changes of
 * {@code p_n} on a grid of spacing {@code 1/(8 sqrt(2n))} (below a quarter of the smallest root gap, about
 * {@code pi/sqrt(2n+1)}), then refined by bisection to the last bit. The weights are the Christoffel numbers
 * {@code w_k = 1 / sum_{j<n} p_j(xi_k)^2}. Checks (§7 N16, in the tests): {@code sum w = sqrt(pi)}, the largest node
 * for {@code n = 50} is {@code 9.182406958129317}, and the rule is exact for polynomials of degree {@code <= 2n-1}.
 * {@link #of(double[], double[])} takes nodes and weights computed elsewhere: the theory module's ODE takes
 * Hipparchus' Hermite rule (Golub–Welsch beyond 50 nodes), whose values differ from these in the last bits
 * (nodes a few 1e-16 relative, weights up to 5e-13 at 50 nodes), so each solver keeps its numbers exactly.
 *
 * <p><b>Expectations.</b> With the standard-normal abscissae {@code z_k = sqrt(2) xi_k} and the probability weights
 * {@code p_k = w_k / sqrt(pi)} (which sum to 1): one-dimensional, {@code E g(sqrt(v) z) ~ sum_k p_k g(sqrt(v) z_k)},
 * exact for polynomials of degree {@code <= 2n-1}. Two-dimensional, {@code (x, y) ~ N(0, B)}: the y-first
 * factorization of §2.7, {@code y = sqrt(B22) z1}, {@code x = (B12/sqrt(B22)) z1 + sqrt(max(0, B11 - B12^2/B22)) z2},
 * exact at {@code B11 = 0} (roles swapped when {@code B22 = 0}), then the tensor rule
 * {@code sum_k sum_l p_k p_l g(x, y)}: {@code n^2} evaluations. Immutable and thread-safe.
 */
public final class HermiteQuadrature {

    /** The node count of sgd-ode.md §2.7 (as in the [HL] reference implementation). */
    public static final int DEFAULT_NODES = 50;

    private static final double SQRT_PI = Math.sqrt(Math.PI);

    private final double[] nodes;
    private final double[] weights;
    /** sqrt(2) xi_k: standard-normal abscissae. */
    private final double[] zNodes;
    /** w_k / sqrt(pi): probability weights summing to 1. */
    private final double[] pWeights;

    private HermiteQuadrature(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
        int n = nodes.length;
        zNodes = new double[n];
        pWeights = new double[n];
        for (int k = 0; k < n; k++) {
            zNodes[k] = Math.sqrt(2) * nodes[k];
            pWeights[k] = weights[k] / SQRT_PI;
        }
    }

    /** @return {@code of(DEFAULT_NODES)}, built once: the homogenized-SGD solver's rule. */
    public static HermiteQuadrature standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final HermiteQuadrature STANDARD = of(DEFAULT_NODES);
    }

    /**
     * A rule from nodes and weights computed elsewhere (read, copied).
     *
     * @param nodes   the physicists' nodes {@code xi_k}, finite and strictly increasing
     * @param weights their weights {@code w_k}, finite and {@code >= 0} (they should sum to {@code sqrt(pi)})
     * @throws IllegalArgumentException on empty or mismatched arrays, or values outside those ranges
     */
    public static HermiteQuadrature of(double[] nodes, double[] weights) {
        if (nodes == null || weights == null || nodes.length == 0 || nodes.length != weights.length) {
            throw new IllegalArgumentException("nodes and weights must be non-empty and of equal length, got "
                    + (nodes == null ? "null" : nodes.length) + " and " + (weights == null ? "null" : weights.length));
        }
        for (int k = 0; k < nodes.length; k++) {
            if (!Double.isFinite(nodes[k]) || (k > 0 && !(nodes[k] > nodes[k - 1]))) {
                throw new IllegalArgumentException("nodes must be finite and strictly increasing, got nodes[" + k
                        + "] = " + nodes[k]);
            }
            if (!(weights[k] >= 0) || Double.isInfinite(weights[k])) {
                throw new IllegalArgumentException("weights[" + k + "] must be finite and >= 0, got " + weights[k]);
            }
        }
        return new HermiteQuadrature(nodes.clone(), weights.clone());
    }

    /** @return the {@code n}-node rule, {@code 1 <= n <= 200}. {@code O(n^2 sqrt(n))}. */
    public static HermiteQuadrature of(int n) {
        if (n < 1 || n > 200) {
            throw new IllegalArgumentException("n must be in [1, 200], got " + n);
        }
        double[] x = new double[n];
        double[] w = new double[n];
        double bound = Math.sqrt(2.0 * n + 1);
        double h = 1 / (8 * Math.sqrt(2.0 * n));
        int found = 0;
        double a = -bound;
        double pa = orthonormal(n, a);
        while (found < n && a < bound) {
            double b = Math.min(bound, a + h);
            double pb = orthonormal(n, b);
            if (pb == 0) {
                x[found++] = b;
                b = Math.nextUp(b);
                pb = orthonormal(n, b);
            } else if (Math.signum(pa) != Math.signum(pb)) {
                x[found++] = bisect(n, a, b, pa);
            }
            a = b;
            pa = pb;
        }
        if (found != n) {
            throw new IllegalStateException("found " + found + " Hermite roots of " + n);
        }
        double[] raw = x.clone();
        for (int k = 0; k < n; k++) {
            // symmetric rule: average each root with its mirror so the nodes are exactly antisymmetric
            x[k] = 0.5 * (raw[k] - raw[n - 1 - k]);
        }
        for (int k = 0; k < n; k++) {
            double pm = 0;
            double p = Math.pow(Math.PI, -0.25);
            double sum = p * p;
            for (int j = 1; j < n; j++) {
                double next = x[k] * Math.sqrt(2.0 / j) * p - Math.sqrt((j - 1.0) / j) * pm;
                pm = p;
                p = next;
                sum += p * p;
            }
            w[k] = 1 / sum;
        }
        return new HermiteQuadrature(x, w);
    }

    private static double bisect(int n, double a, double b, double pa) {
        for (int it = 0; it < 200; it++) {
            double m = 0.5 * (a + b);
            if (m <= a || m >= b) {
                break;
            }
            double pm = orthonormal(n, m);
            if (pm == 0) {
                return m;
            }
            if (Math.signum(pm) == Math.signum(pa)) {
                a = m;
                pa = pm;
            } else {
                b = m;
            }
        }
        return 0.5 * (a + b);
    }

    /** @return {@code p_n(x)} by the three-term recurrence. */
    private static double orthonormal(int n, double x) {
        double pm = 0;
        double p = Math.pow(Math.PI, -0.25);
        for (int j = 1; j <= n; j++) {
            double next = x * Math.sqrt(2.0 / j) * p - Math.sqrt((j - 1.0) / j) * pm;
            pm = p;
            p = next;
        }
        return p;
    }

    /** The nodes, not copied: for the allocation-free loops of this package (do not modify). */
    double[] nodesView() {
        return nodes;
    }

    /** The weights, not copied: for the allocation-free loops of this package (do not modify). */
    double[] weightsView() {
        return weights;
    }

    /** @return the number of nodes. */
    public int size() {
        return nodes.length;
    }

    /** @return a copy of the nodes {@code xi_k}, increasing. */
    public double[] nodes() {
        return nodes.clone();
    }

    /** @return a copy of the weights {@code w_k} (they sum to {@code sqrt(pi)}). */
    public double[] weights() {
        return weights.clone();
    }

    /** @return a copy of the standard-normal abscissae {@code z_k = sqrt(2) xi_k}. */
    public double[] standardNormalNodes() {
        return zNodes.clone();
    }

    /** @return a copy of the probability weights {@code w_k / sqrt(pi)} (they sum to 1). */
    public double[] probabilityWeights() {
        return pWeights.clone();
    }

    /** @return {@code E g(sqrt(v) z)}, {@code z ~ N(0, 1)}, {@code v >= 0}. */
    public double expectation(double variance, DoubleUnaryOperator g) {
        double sd = Math.sqrt(Math.max(0, variance));
        double s = 0;
        for (int k = 0; k < zNodes.length; k++) {
            s += pWeights[k] * g.applyAsDouble(sd * zNodes[k]);
        }
        return s;
    }

    /**
     * @return {@code E g(x, y)}, {@code (x, y) ~ N(0, B)} with {@code B = [[b11, b12], [b12, b22]]} positive
     *         semi-definite, by the y-first tensor rule of §2.7 ({@code g} evaluated at {@code n^2} points)
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
        // B22 = 0 (so B12 = 0 for a PSD B): y = 0, x = sqrt(B11) z
        return expectation(b11, x -> g.applyAsDouble(x, 0.0));
    }
}
