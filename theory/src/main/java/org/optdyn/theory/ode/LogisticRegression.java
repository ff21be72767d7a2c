package org.optdyn.theory.ode;

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
 * All expectations use the Gauss–Hermite rule of §2.7 (default 50 nodes). Softplus is evaluated stably as
 * max(u,0) + log1p(e^{−|u|}).
 *
 * @param nodes Gauss–Hermite node count n (50 by default)
 */
public record LogisticRegression(int nodes) implements GlmModel {

    private static final LogisticRegression STANDARD = new LogisticRegression(GaussHermiteRule.DEFAULT_NODES);

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

    /** Rules by node count, built once (Golub–Welsch beyond 50 nodes costs an eigen-decomposition). */
    private static final java.util.concurrent.ConcurrentHashMap<Integer, GaussHermiteRule> RULES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private GaussHermiteRule rule() {
        return nodes == GaussHermiteRule.DEFAULT_NODES ? GaussHermiteRule.standard()
                : RULES.computeIfAbsent(nodes, GaussHermiteRule::new);
    }

    @Override
    public ModelTerms terms(double b11, double b12, double b22, double noiseVariance) {
        if (noiseVariance != 0) {
            throw new IllegalArgumentException("logistic regression has no label noise (sgd-ode.md §9 item 3), "
                    + "got noiseVariance " + noiseVariance);
        }
        GaussHermiteRule r = rule();
        double[] z = r.standardNormalNodes();
        double[] w = r.probabilityWeights();
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
    private static double fisher(GaussHermiteRule r, double b11, double b12, double b22) {
        double[] z = r.standardNormalNodes();
        double[] w = r.probabilityWeights();
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
