package org.optdyn.engine.stream;

/**
 * The physicists' Gauss–Hermite rule (weight {@code e^{-xi^2}}) and the Gaussian expectations built on it
 * (sgd-ode.md §2.7): the engine's own copy, so that the homogenized-SGD solver can evaluate {@code I(B)} and the
 * population gradient of logistic regression without depending on the theory module.
 *
 * <p><b>Nodes and weights.</b> With the orthonormal Hermite polynomials {@code p_0 = pi^(-1/4)},
 * {@code p_j(x) = x sqrt(2/j) p_{j-1}(x) - sqrt((j-1)/j) p_{j-2}(x)}, the nodes are the {@code n} roots of
 * {@code p_n}, all inside {@code |x| < sqrt(2n+1)}. They are bracketed by sign changes of {@code p_n} on a grid of
 * spacing {@code 1/(8 sqrt(2n))} (below a quarter of the smallest root gap, about {@code pi/sqrt(2n+1)}), then
 * refined by bisection to the last bit. The weights are the Christoffel numbers
 * {@code w_k = 1 / sum_{j<n} p_j(xi_k)^2}. Checks (§7 N16, in the tests): {@code sum w = sqrt(pi)}, the largest node
 * for {@code n = 50} is {@code 9.182406958129317}, and the rule is exact for polynomials of degree {@code <= 2n-1}.
 *
 * <p><b>Expectations.</b> One-dimensional: {@code E g(sqrt(v) z) ~ pi^(-1/2) sum_k w_k g(sqrt(2v) xi_k)}.
 * Two-dimensional, {@code (x, y) ~ N(0, B)}: the y-first factorization of §2.7,
 * {@code y = sqrt(B22) z1}, {@code x = (B12/sqrt(B22)) z1 + sqrt(max(0, B11 - B12^2/B22)) z2}, exact at
 * {@code B11 = 0}; {@code n^2} evaluations. Immutable and thread-safe.
 */
public final class HermiteQuadrature {

    /** The node count of sgd-ode.md §2.7 (as in the [HL] reference implementation). */
    public static final int DEFAULT_NODES = 50;

    private static final double SQRT_PI = Math.sqrt(Math.PI);

    private final double[] nodes;
    private final double[] weights;

    private HermiteQuadrature(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /** @return the rule with {@value #DEFAULT_NODES} nodes. */
    public static HermiteQuadrature standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final HermiteQuadrature STANDARD = of(DEFAULT_NODES);
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

    /** A function of one real variable. */
    @FunctionalInterface
    public interface Integrand1 {
        double apply(double x);
    }

    /** A function of two real variables. */
    @FunctionalInterface
    public interface Integrand2 {
        double apply(double x, double y);
    }

    /** @return {@code E g(x)}, {@code x ~ N(0, variance)}, {@code variance >= 0}. */
    public double expect(double variance, Integrand1 g) {
        double s = Math.sqrt(2 * Math.max(0, variance));
        double acc = 0;
        for (int k = 0; k < nodes.length; k++) {
            acc += weights[k] * g.apply(s * nodes[k]);
        }
        return acc / SQRT_PI;
    }

    /**
     * @return {@code E g(x, y)}, {@code (x, y) ~ N(0, B)} with {@code B = [[b11, b12], [b12, b22]]} positive
     *         semi-definite (the y-first factorization of §2.7; roles swapped when {@code b22 = 0})
     */
    public double expect(double b11, double b12, double b22, Integrand2 g) {
        if (!(b22 > 0)) {
            return expect(b11, x -> g.apply(x, 0));
        }
        double sy = Math.sqrt(b22);
        double cx = b12 / sy;
        double sx = Math.sqrt(Math.max(0, b11 - cx * cx));
        double r2 = Math.sqrt(2);
        double acc = 0;
        for (int k = 0; k < nodes.length; k++) {
            double z1 = r2 * nodes[k];
            double y = sy * z1;
            double xk = cx * z1;
            double inner = 0;
            for (int l = 0; l < nodes.length; l++) {
                inner += weights[l] * g.apply(xk + sx * r2 * nodes[l], y);
            }
            acc += weights[k] * inner;
        }
        return acc / Math.PI;
    }
}
