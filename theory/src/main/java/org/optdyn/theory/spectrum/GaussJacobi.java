package org.optdyn.theory.spectrum;

/**
 * Gauss–Jacobi rules for the weight {@code (1 - y)^alpha (1 + y)^beta} on {@code [-1, 1]}, with weights normalized to
 * sum to 1 (docs/theory/average-case.md, section 6.2–6.3).
 *
 * <p>General {@code (alpha, beta)}: Golub–Welsch. The nodes are the eigenvalues of the symmetric tridiagonal Jacobi
 * matrix with diagonal {@code a_0 = (beta - alpha)/(alpha + beta + 2)},
 * {@code a_k = (beta^2 - alpha^2)/(s (s + 2))} and off-diagonal
 * {@code b_k = sqrt(4 k (k + alpha)(k + beta)(k + alpha + beta) / (s^2 (s + 1)(s - 1)))}, {@code s = 2k + alpha + beta}
 * (section 6.3). The eigenvalues are computed by the implicit QL iteration with Wilkinson shifts without eigenvector
 * accumulation, {@code O(n^2)} (Hipparchus' symmetric eigen-decomposition always accumulates eigenvectors, which is
 * {@code O(n^3)} and too slow for the {@code n ~ 10^4} rules needed at {@code t ~ 5000}). The weights come from the
 * Christoffel numbers {@code w_j = 1 / sum_{k<n} ptilde_k(y_j)^2} of the orthonormal polynomials (evaluated by their
 * three-term recurrence), which equals the Golub–Welsch "squared first eigenvector component" and is {@code O(n^2)}.
 * Accuracy: nodes to a few ulps of the matrix norm (QL is backward stable); relative weight error {@code O(n eps)}.
 *
 * <p>Closed forms replace the iteration for the four Chebyshev weights ({@code |alpha| = |beta| = 1/2}), exact to
 * rounding. With {@code n} nodes a rule integrates polynomials of degree {@code <= 2n - 1} exactly.
 */
public final class GaussJacobi {

    private GaussJacobi() {
    }

    /**
     * @param n     number of nodes, {@code >= 1}
     * @param alpha exponent at {@code y = +1}, {@code > -1}
     * @param beta  exponent at {@code y = -1}, {@code > -1}
     * @return nodes (ascending) on {@code [-1, 1]} and normalized weights
     */
    public static SpectralQuadrature rule(int n, double alpha, double beta) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (!(alpha > -1.0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and > -1, got " + alpha);
        }
        if (!(beta > -1.0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and > -1, got " + beta);
        }
        if (Math.abs(alpha) == 0.5 && Math.abs(beta) == 0.5) {
            return chebyshev(n, alpha, beta);
        }
        if (n < CACHE_MIN_NODES) {
            return golubWelsch(n, alpha, beta);
        }
        var key = new Key(n, alpha, beta);
        var cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        var rule = golubWelsch(n, alpha, beta);
        if (CACHE.size() >= CACHE_CAPACITY) {
            CACHE.clear();
        }
        CACHE.put(key, rule);
        return rule;
    }

    private record Key(int n, double alpha, double beta) {
    }

    /** Large rules cost {@code O(n^2)} (about 0.7 s at {@code n = 4000}); the last few are kept (immutable). */
    private static final int CACHE_MIN_NODES = 500;
    private static final int CACHE_CAPACITY = 24;
    private static final java.util.concurrent.ConcurrentHashMap<Key, SpectralQuadrature> CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static SpectralQuadrature golubWelsch(int n, double alpha, double beta) {
        double[] diag = new double[n];
        double[] off = new double[n]; // off[k] couples k and k+1; off[n-1] = 0
        jacobiMatrix(n, alpha, beta, diag, off);
        double[] y = diag.clone();
        double[] e = off.clone();
        tridiagonalEigenvalues(y, e);
        java.util.Arrays.sort(y);
        double[] w = christoffel(y, diag, off);
        return new SpectralQuadrature(y, w);
    }

    /**
     * The rule mapped to {@code [lo, hi]} by {@code lambda = lo + (hi - lo)(1 + y)/2}: weight
     * {@code (hi - lambda)^alpha (lambda - lo)^beta}, normalized.
     */
    public static SpectralQuadrature onInterval(int n, double alpha, double beta, double lo, double hi) {
        if (!(hi > lo)) {
            throw new IllegalArgumentException("need lo < hi, got lo = " + lo + ", hi = " + hi);
        }
        SpectralQuadrature r = rule(n, alpha, beta);
        double[] z = r.nodes();
        for (int j = 0; j < z.length; j++) {
            z[j] = lo + (hi - lo) * (1.0 + z[j]) / 2.0;
        }
        return new SpectralQuadrature(z, r.weights());
    }

    /** Fills the Jacobi matrix of section 6.3 (orthonormal recurrence coefficients). */
    static void jacobiMatrix(int n, double alpha, double beta, double[] diag, double[] off) {
        double ab = alpha + beta;
        diag[0] = (beta - alpha) / (ab + 2.0);
        for (int k = 1; k < n; k++) {
            double s = 2.0 * k + ab;
            diag[k] = (beta * beta - alpha * alpha) / (s * (s + 2.0));
        }
        for (int k = 1; k < n; k++) {
            double b2;
            if (k == 1) {
                b2 = 4.0 * (1.0 + alpha) * (1.0 + beta) / ((ab + 2.0) * (ab + 2.0) * (ab + 3.0));
            } else {
                double s = 2.0 * k + ab;
                b2 = 4.0 * k * (k + alpha) * (k + beta) * (k + ab) / (s * s * (s + 1.0) * (s - 1.0));
            }
            off[k - 1] = Math.sqrt(b2);
        }
        off[n - 1] = 0.0;
    }

    /**
     * Eigenvalues of the symmetric tridiagonal matrix ({@code d} diagonal, {@code e[i]} coupling {@code i, i+1}) by
     * implicit QL with Wilkinson shifts (Golub and Van Loan, section 8.3), in place into {@code d}; {@code e} is
     * destroyed.
     */
    static void tridiagonalEigenvalues(double[] d, double[] e) {
        int n = d.length;
        final double eps = Math.ulp(1.0);
        for (int l = 0; l < n; l++) {
            int iter = 0;
            int m;
            while (true) {
                for (m = l; m < n - 1; m++) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    if (Math.abs(e[m]) <= eps * dd) {
                        break;
                    }
                }
                if (m == l) {
                    break;
                }
                if (++iter > 100) {
                    throw new IllegalStateException("QL iteration did not converge for eigenvalue " + l);
                }
                double g = (d[l + 1] - d[l]) / (2.0 * e[l]);
                double r = Math.sqrt(g * g + 1.0);
                g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
                double s = 1.0;
                double c = 1.0;
                double p = 0.0;
                int i;
                boolean underflow = false;
                for (i = m - 1; i >= l; i--) {
                    double f = s * e[i];
                    double b = c * e[i];
                    r = Math.sqrt(f * f + g * g);
                    e[i + 1] = r;
                    if (r == 0.0) {
                        d[i + 1] -= p;
                        e[m] = 0.0;
                        underflow = true;
                        break;
                    }
                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2.0 * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                }
                if (underflow) {
                    continue;
                }
                d[l] -= p;
                e[l] = g;
                e[m] = 0.0;
            }
        }
    }

    /** Christoffel numbers {@code 1/sum_k ptilde_k(y)^2} for the orthonormal recurrence given by the matrix. */
    private static double[] christoffel(double[] y, double[] diag, double[] off) {
        int n = y.length;
        double[] w = new double[n];
        double total = 0.0;
        double[] inv = new double[n];
        for (int k = 0; k < n - 1; k++) {
            inv[k] = 1.0 / off[k];
        }
        for (int j = 0; j < n; j++) {
            double pPrev = 0.0;
            double p = 1.0;
            double sum = 1.0;
            for (int k = 0; k < n - 1; k++) {
                double bPrev = k == 0 ? 0.0 : off[k - 1];
                double next = ((y[j] - diag[k]) * p - bPrev * pPrev) * inv[k];
                pPrev = p;
                p = next;
                sum += p * p;
            }
            w[j] = 1.0 / sum;
            total += w[j];
        }
        for (int j = 0; j < n; j++) {
            w[j] /= total;
        }
        return w;
    }

    /**
     * Closed-form Gauss–Chebyshev rules: first kind {@code (-1/2,-1/2)}, second kind {@code (1/2,1/2)}, third kind
     * {@code (alpha,beta) = (-1/2, 1/2)} (weight {@code sqrt((1+y)/(1-y))}), fourth kind {@code (1/2,-1/2)}.
     */
    private static SpectralQuadrature chebyshev(int n, double alpha, double beta) {
        double[] y = new double[n];
        double[] w = new double[n];
        for (int j = 1; j <= n; j++) {
            double node;
            double weight;
            if (alpha < 0 && beta < 0) {
                node = Math.cos((2.0 * j - 1.0) * Math.PI / (2.0 * n));
                weight = 1.0 / n;
            } else if (alpha > 0 && beta > 0) {
                double th = j * Math.PI / (n + 1.0);
                node = Math.cos(th);
                double s = Math.sin(th);
                weight = 2.0 / (n + 1.0) * s * s;
            } else if (alpha < 0) { // third kind, weight sqrt((1+y)/(1-y)), total pi
                double th = (2.0 * j - 1.0) * Math.PI / (2.0 * n + 1.0);
                node = Math.cos(th);
                double c = Math.cos(th / 2.0);
                weight = 2.0 / (2.0 * n + 1.0) * 2.0 * c * c; // (1 + y) = 2 cos^2(th/2)
            } else { // fourth kind, weight sqrt((1-y)/(1+y)), total pi
                double th = 2.0 * j * Math.PI / (2.0 * n + 1.0);
                node = Math.cos(th);
                double s = Math.sin(th / 2.0);
                weight = 2.0 / (2.0 * n + 1.0) * 2.0 * s * s; // (1 - y) = 2 sin^2(th/2)
            }
            y[n - j] = node;
            w[n - j] = weight;
        }
        return new SpectralQuadrature(y, w);
    }
}
