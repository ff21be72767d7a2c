package org.optdyn.theory.ode;

import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.optdyn.engine.stream.HermiteQuadrature;
import org.optdyn.engine.stream.ModelKind;

/**
 * Logistic regression with a soft-label teacher, f(x,y) = −x σ(y) + sp(x), f' = σ(x) − σ(y), ω = 0
 * (sgd-ode.md §1.2, §2.8; [HL] App. G.1, eqs. (103)–(105); soft labels per §9 item 3). With z ~ N(0,1):
 * <pre>
 *   h  = −B₁₂ E σ'(√B₂₂ z) + E sp(√B₁₁ z)          (Stein: E[x σ(y)] = B₁₂ E σ'(y))
 *   h* = −B₂₂ E σ'(√B₂₂ z) + E sp(√B₂₂ z)          (risk at X = X*; reported risk = KL = h − h*)
 *   I  = E_B (σ(x) − σ(y))²                         (2-D rule, n² evaluations)
 *   H₁ = ½ E σ'(√B₁₁ z),   H₂ = −½ E σ'(√B₂₂ z)
 * </pre>
 * All expectations use the Gauss–Hermite rule of §2.7 (default 50 nodes), a {@link HermiteQuadrature} with the nodes
 * and weights of {@link #quadrature(int)}. Softplus is evaluated stably as max(u,0) + log1p(e^{−|u|}).
 *
 * @param nodes Gauss–Hermite node count n (50 by default)
 */
public record LogisticRegression(int nodes) implements GlmModel {

    private static final LogisticRegression STANDARD = new LogisticRegression(HermiteQuadrature.DEFAULT_NODES);
    /**
     * Largest n taken from Hipparchus' Hermite rule factory, whose recursive Newton iteration stops converging for
     * larger n (it did not return for n = 80); Golub–Welsch is used beyond.
     */
    static final int HIPPARCHUS_MAX_NODES = 50;
    private static final double SQRT_PI = Math.sqrt(Math.PI);

    /** Validates the node count. */
    public LogisticRegression {
        if (nodes < 2 || nodes > 400) {
            throw new IllegalArgumentException("nodes must be in [2, 400], got " + nodes);
        }
    }

    /** The 50-node model of sgd-ode.md §2.7. */
    public static LogisticRegression standard() {
        return STANDARD;
    }

    /** The rule's abscissae and probability weights by node count, built once (see {@link #quadrature(int)}). */
    private static final ConcurrentHashMap<Integer, Rule> RULES = new ConcurrentHashMap<>();

    /** Standard-normal abscissae √2 ξ_k and probability weights ϖ_k/√π of one rule (shared, not modified). */
    private record Rule(double[] z, double[] w) {
    }

    private Rule rule() {
        return RULES.computeIfAbsent(nodes, n -> {
            var q = quadrature(n);
            return new Rule(q.standardNormalNodes(), q.probabilityWeights());
        });
    }

    /**
     * The n-node Gauss–Hermite rule of the ODE: Hipparchus' {@link GaussIntegratorFactory#hermite(int)} for
     * n ≤ {@value #HIPPARCHUS_MAX_NODES}, Golub–Welsch beyond (physicists' weight e^{−ξ²}). Its values differ from
     * those of {@link HermiteQuadrature#of(int)} (the homogenized-SGD solver's) in the last bits; each solver keeps
     * its own so that its numbers do not change.
     *
     * @param n number of nodes, 1 ≤ n ≤ 400
     */
    public static HermiteQuadrature quadrature(int n) {
        if (n < 1 || n > 400) {
            throw new IllegalArgumentException("n must be in [1, 400], got " + n);
        }
        if (n > HIPPARCHUS_MAX_NODES) {
            double[][] nw = golubWelsch(n);
            return HermiteQuadrature.of(nw[0], nw[1]);
        }
        GaussIntegrator rule = new GaussIntegratorFactory().hermite(n);
        double[] x = new double[n];
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = rule.getPoint(k);
            w[k] = rule.getWeight(k);
        }
        return HermiteQuadrature.of(x, w);
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
        Arrays.sort(order, Comparator.comparingDouble(k -> ev[k]));
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

    @Override
    public ModelTerms terms(double b11, double b12, double b22, double noiseVariance) {
        if (noiseVariance != 0) {
            throw new IllegalArgumentException("logistic regression has no label noise (sgd-ode.md §9 item 3), "
                    + "got noiseVariance " + noiseVariance);
        }
        Rule r = rule();
        double[] z = r.z();
        double[] w = r.w();
        double sx = Math.sqrt(Math.max(0, b11));
        double sy = Math.sqrt(Math.max(0, b22));
        double dsigY = 0;
        double dsigX = 0;
        double spX = 0;
        double spY = 0;
        for (int k = 0; k < z.length; k++) {
            dsigY += w[k] * sigmoidPrime(sy * z[k]);
            dsigX += w[k] * sigmoidPrime(sx * z[k]);
            spX += w[k] * softplus(sx * z[k]);
            spY += w[k] * softplus(sy * z[k]);
        }
        double h = -b12 * dsigY + spX;
        double hStar = -b22 * dsigY + spY;
        double fisher = fisher(r, b11, b12, b22);
        return ModelTerms.of(h, h - hStar, fisher, 0.5 * dsigX, -0.5 * dsigY, b11, b12, b22);
    }

    /** I(B) = E_B(σ(x) − σ(y))² with the y-first factorization of §2.7; σ(y) hoisted out of the inner loop. */
    private static double fisher(Rule r, double b11, double b12, double b22) {
        double[] z = r.z();
        double[] w = r.w();
        if (!(b22 > 0)) {
            double sx = Math.sqrt(Math.max(0, b11));
            double s = 0;
            for (int k = 0; k < z.length; k++) {
                double d = sigmoid(sx * z[k]) - 0.5;
                s += w[k] * d * d;
            }
            return s;
        }
        double sy = Math.sqrt(b22);
        double a = b12 / sy;
        double c = Math.sqrt(Math.max(0, b11 - b12 * b12 / b22));
        double s = 0;
        for (int k = 0; k < z.length; k++) {
            double sigY = sigmoid(sy * z[k]);
            double ax = a * z[k];
            double inner = 0;
            for (int l = 0; l < z.length; l++) {
                double d = sigmoid(ax + c * z[l]) - sigY;
                inner += w[l] * d * d;
            }
            s += w[k] * inner;
        }
        return s;
    }

    /** σ(u) = 1/(1+e^{−u}), evaluated without overflow. */
    static double sigmoid(double u) {
        if (u >= 0) {
            return 1 / (1 + Math.exp(-u));
        }
        double e = Math.exp(u);
        return e / (1 + e);
    }

    /** σ'(u) = σ(u)(1 − σ(u)) = e^{−|u|}/(1+e^{−|u|})². */
    static double sigmoidPrime(double u) {
        double e = Math.exp(-Math.abs(u));
        double q = 1 + e;
        return e / (q * q);
    }

    /** sp(u) = log(1+e^u) = max(u,0) + log1p(e^{−|u|}). */
    static double softplus(double u) {
        return Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));
    }

    @Override
    public boolean supportsNoise() {
        return false;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.LOGISTIC;
    }
}
