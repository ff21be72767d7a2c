package org.optdyn.theory.ode;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.optdyn.engine.spectrum.DiscreteSpectrum;

/**
 * Closed-form results of sgd-ode.md for one-pass SGD on the high-line problem (streaming least squares), as
 * functions of the spectrum: stability threshold, noise floor, decay rates, AdaGrad-Norm limits, line-search bound.
 * Roots are found with Hipparchus' bracketing Brent solver to ~1e-15 relative accuracy. (The rates of first-order
 * methods on spectral shapes are {@link org.optdyn.theory.shapes.ShapeClosedForms}.)
 */
public final class HighLineClosedForms {

    private static final BracketingNthOrderBrentSolver SOLVER = new BracketingNthOrderBrentSolver(1e-15, 1e-300, 5);
    private static final int MAX_EVAL = 10_000;

    private HighLineClosedForms() {
    }

    /**
     * Stability threshold of the constant learning rate, γ_c = 2d/Tr K = 2/λ̄ (sgd-ode.md §3.3; [HL] after
     * eq. (7); [SGDL]): the Volterra solution stays bounded iff γ &lt; γ_c.
     */
    public static double stabilityThreshold(DiscreteSpectrum spectrum) {
        double m = spectrum.meanEigenvalue();
        if (!(m > 0)) {
            throw new IllegalArgumentException("spectrum must have a positive mean eigenvalue, got " + m);
        }
        return 2 / m;
    }

    /**
     * Limiting least-squares risk with label noise at constant γ &lt; 2/λ̄ (sgd-ode.md §3.3, derived there from the
     * Volterra form): 𝓡(∞) = (ω²/2) / (1 − γλ̄/2). Includes the noise floor ½ω².
     */
    public static double limitingRisk(double gamma, DiscreteSpectrum spectrum, double omega) {
        double mass = gamma * spectrum.meanEigenvalue() / 2;
        checkPositive("gamma", gamma);
        if (!(mass < 1)) {
            throw new IllegalArgumentException("gamma = " + gamma + " is not below the stability threshold "
                    + stabilityThreshold(spectrum));
        }
        return omega * omega / 2 / (1 - mass);
    }

    /**
     * Identity covariance, constant γ &lt; 2 (sgd-ode.md §3.3): 𝓡(t) = 𝓡_∞ + (𝓡(0) − 𝓡_∞) e^{−γ(2−γ)t} with
     * 𝓡(0) = ½(D²(0) + ω²), 𝓡_∞ = ω²/(2−γ).
     */
    public static double identityRisk(double gamma, double omega, double initialDistanceSquared, double t) {
        checkPositive("gamma", gamma);
        if (!(gamma < 2)) {
            throw new IllegalArgumentException("gamma must be < 2 for K = I, got " + gamma);
        }
        double rInf = omega * omega / (2 - gamma);
        double r0 = 0.5 * (initialDistanceSquared + omega * omega);
        return rInf + (r0 - rInf) * Math.exp(-gamma * (2 - gamma) * t);
    }

    /**
     * Asymptotic decay rate of the noiseless least-squares risk at constant γ &lt; 2/λ̄ (sgd-ode.md §3.3, derived
     * there): 𝓡(t) ~ C e^{−ρt}, ρ the root in (0, 2γλ_min) of γ² Σ_j w_j λ_j² / (2γλ_j − ρ) = 1, λ_min the smallest
     * positive eigenvalue (zero eigenvalues do not enter).
     */
    public static double asymptoticDecayRate(double gamma, DiscreteSpectrum spectrum) {
        checkPositive("gamma", gamma);
        if (!(gamma < stabilityThreshold(spectrum))) {
            throw new IllegalArgumentException("gamma = " + gamma + " is not below the stability threshold "
                    + stabilityThreshold(spectrum));
        }
        double lmin = spectrum.minPositiveEigenvalue();
        UnivariateFunction phi = rho -> {
            double s = 0;
            for (int j = 0; j < spectrum.groupCount(); j++) {
                double l = spectrum.eigenvalue(j);
                if (l > 0) {
                    s += spectrum.weight(j) * l * l / (2 * gamma * l - rho);
                }
            }
            return gamma * gamma * s - 1;
        };
        double hi = 2 * gamma * lmin;
        double upper = hi * (1 - 1e-15);
        if (phi.value(upper) <= 0) {
            return hi; // no root: rate set by the edge (possible only in continuous limits)
        }
        return SOLVER.solve(MAX_EVAL, phi, 0, upper);
    }

    /**
     * The constant rate γ* ∈ (0, 2/λ̄) maximizing {@link #asymptoticDecayRate(double, DiscreteSpectrum)}, found by
     * Brent's method (Hipparchus); returns {γ*, ρ(γ*)}.
     */
    public static double[] bestConstantRate(DiscreteSpectrum spectrum) {
        double gc = stabilityThreshold(spectrum);
        var opt = new BrentOptimizer(1e-12, 1e-14);
        var res = opt.optimize(new MaxEval(MAX_EVAL), GoalType.MAXIMIZE,
                new UnivariateObjectiveFunction(g -> asymptoticDecayRate(g, spectrum)),
                new SearchInterval(gc * 1e-6, gc * (1 - 1e-9)));
        return new double[]{res.getPoint(), res.getValue()};
    }

    /**
     * AdaGrad-Norm's limiting learning rate for K = I, ω = 0 (sgd-ode.md §4.3, [HL] Prop. 4.1): γ_∞ = η/s_∞ with
     * s_∞ the unique root above max(b, η/2) of 𝓡(0) + η² ln(s/b) − 2η(s − b) = 0.
     *
     * @param initialRisk 𝓡(0) = ½ D²(0) &gt; 0
     */
    public static double adaGradNormLimitIdentity(double eta, double b, double initialRisk) {
        checkPositive("eta", eta);
        checkPositive("b", b);
        checkPositive("initialRisk", initialRisk);
        return eta / conservationRoot(initialRisk, eta, b, 1.0);
    }

    /**
     * Peak risk of noiseless AdaGrad-Norm on K = I when η/b &gt; 2 (sgd-ode.md §4.3):
     * 𝓡_max = 𝓡(0) + η² ln(η/(2b)) − η(η − 2b), reached when γ_t = 2. Returns 𝓡(0) when η/b ≤ 2 (no increase).
     */
    public static double adaGradNormPeakRiskIdentity(double eta, double b, double initialRisk) {
        checkPositive("eta", eta);
        checkPositive("b", b);
        if (eta / b <= 2) {
            return initialRisk;
        }
        return initialRisk + eta * eta * Math.log(eta / (2 * b)) - eta * (eta - 2 * b);
    }

    /**
     * AdaGrad-Norm's limiting learning rate on noiseless least squares for any spectrum, from the conservation law
     * D²(t) + (4η²/λ̄)/γ_t + 2η² ln γ_t = const (sgd-ode.md §4.4, derived there): γ_∞ = η/s_∞ with s_∞ the unique
     * root above max(b, ηλ̄/2) of ½(D²(0) − D²_⊥) + η² ln(s/b) − (2η/λ̄)(s − b) = 0. Valid when 𝓡(t) → 0.
     *
     * @param initialDistanceSquared D²(0) = ‖X₀ − X*‖²
     * @param kernelDistanceSquared  D²_⊥, the part of D²(0) in ker K (0 when all λ_j &gt; 0)
     */
    public static double adaGradNormLimit(double eta, double b, DiscreteSpectrum spectrum,
                                          double initialDistanceSquared, double kernelDistanceSquared) {
        checkPositive("eta", eta);
        checkPositive("b", b);
        double moving = initialDistanceSquared - kernelDistanceSquared;
        checkPositive("initialDistanceSquared - kernelDistanceSquared", moving);
        return eta / conservationRoot(0.5 * moving, eta, b, spectrum.meanEigenvalue());
    }

    /** The conserved quantity of §4.4, D² + (4η²/λ̄)/γ + 2η² ln γ (noiseless LS AdaGrad-Norm; N14). */
    public static double adaGradNormConservedQuantity(double distanceSquared, double gamma, double eta,
                                                      double meanEigenvalue) {
        return distanceSquared + 4 * eta * eta / (meanEigenvalue * gamma) + 2 * eta * eta * Math.log(gamma);
    }

    /**
     * The two-sided bounds on AdaGrad-Norm's γ_∞ behind [HL] Prop. 4.2 (sgd-ode.md §4.4), all λ_j &gt; 0,
     * ζ = γ₀λ̄/2 &lt; 1 with γ₀ = η/b: η²/(bη + λ̄D²(0)/(4(1−ζ))) ≤ γ_∞ ≤ η²/(bη + λ̄D²(0)/4). Returns {lower, upper}.
     */
    public static double[] adaGradNormLimitBounds(double eta, double b, DiscreteSpectrum spectrum,
                                                  double initialDistanceSquared) {
        double m = spectrum.meanEigenvalue();
        double zeta = eta / b * m / 2;
        if (!(zeta < 1)) {
            throw new IllegalArgumentException("bounds need zeta = gamma0 * mean / 2 < 1, got " + zeta);
        }
        double lower = eta * eta / (b * eta + m * initialDistanceSquared / (4 * (1 - zeta)));
        double upper = eta * eta / (b * eta + m * initialDistanceSquared / 4);
        return new double[]{lower, upper};
    }

    /**
     * Upper bound on AdaGrad-Norm's rate with label noise (sgd-ode.md §4.5): γ_t ≤ η/√(b² + ω²λ̄t), asymptotically
     * sharp.
     */
    public static double adaGradNormNoisyRateBound(double eta, double b, double omega, double meanEigenvalue,
                                                   double t) {
        return eta / Math.sqrt(b * b + omega * omega * meanEigenvalue * t);
    }

    /**
     * Limiting ratio x_∞ = lim D_{λ₂}/D_{λ₁} of idealized exact line search on a two-eigenvalue spectrum
     * λ₁ &gt; λ₂ &gt; 0 of equal multiplicities, ω = 0 (sgd-ode.md §5.1; [HL] Prop. F.1, eqs. (93)–(101)): the
     * positive root of λ₁λ₂(x+1)(λ₂x − λ₁) + (λ₂ − λ₁)³x.
     */
    public static double lineSearchTwoEigenvalueRatio(double lambda1, double lambda2) {
        checkOrdered(lambda1, lambda2);
        double l1 = lambda1;
        double l2 = lambda2;
        double delta = delta(l1, l2);
        return (l1 * l1 * l1 - 2 * l1 * l1 * l2 + 2 * l1 * l2 * l2 - l2 * l2 * l2 + Math.sqrt(delta))
                / (2 * l1 * l2 * l2);
    }

    /**
     * Limiting exact-line-search rate on a two-eigenvalue spectrum (sgd-ode.md §5.1; [HL] Prop. F.1):
     * γ_∞ = 2(λ₁² + λ₂²x_∞) / ((λ₁ + λ₂x_∞)(λ₁² + λ₂²)), which lies in [λ_min/m₂, 2λ_min/m₂].
     */
    public static double lineSearchTwoEigenvalueLimit(double lambda1, double lambda2) {
        double x = lineSearchTwoEigenvalueRatio(lambda1, lambda2);
        double l1 = lambda1;
        double l2 = lambda2;
        return 2 * (l1 * l1 + l2 * l2 * x) / ((l1 + l2 * x) * (l1 * l1 + l2 * l2));
    }

    /**
     * Asymptotic risk decay rate of exact line search on two eigenvalues once the ratio has settled (sgd-ode.md §5.1,
     * derived there from [HL] (96)): ρ = 2γ_∞λ₁ − ½γ_∞²λ₁(λ₁ + λ₂x_∞).
     */
    public static double lineSearchTwoEigenvalueDecayRate(double lambda1, double lambda2) {
        double x = lineSearchTwoEigenvalueRatio(lambda1, lambda2);
        double g = lineSearchTwoEigenvalueLimit(lambda1, lambda2);
        return 2 * g * lambda1 - 0.5 * g * g * lambda1 * (lambda1 + lambda2 * x);
    }

    /** Lower bound of exact line search, noiseless LS: γ_t ≥ λ_min/m₂ ([HL] Prop. 3.1; sgd-ode.md §5.1). */
    public static double lineSearchLowerBound(DiscreteSpectrum spectrum) {
        return spectrum.minEigenvalue() / spectrum.secondMoment();
    }

    /**
     * Least-squares Polyak rate (sgd-ode.md §5.2): (2𝓡 − ω²)/(2λ̄𝓡); 1/λ̄ without noise.
     *
     * @param risk the current risk 𝓡 (including ½ω²)
     */
    public static double leastSquaresPolyakRate(double risk, double omega, double meanEigenvalue) {
        return (2 * risk - omega * omega) / (2 * meanEigenvalue * risk);
    }

    private static double delta(double l1, double l2) {
        return Math.pow(l1, 6) - 4 * Math.pow(l1, 5) * l2 + 8 * Math.pow(l1, 4) * l2 * l2
                - 6 * Math.pow(l1, 3) * Math.pow(l2, 3) + 8 * l1 * l1 * Math.pow(l2, 4) - 4 * l1 * Math.pow(l2, 5)
                + Math.pow(l2, 6);
    }

    /** Root above the maximum of f(s) = a + η² ln(s/b) − (2η/λ̄)(s − b), with a &gt; 0 (§4.3/§4.4). */
    private static double conservationRoot(double a, double eta, double b, double mean) {
        UnivariateFunction f = s -> a + eta * eta * Math.log(s / b) - 2 * eta / mean * (s - b);
        double lo = Math.max(b, eta * mean / 2);
        double hi = 2 * lo;
        while (f.value(hi) > 0) {
            hi *= 2;
        }
        return SOLVER.solve(MAX_EVAL, f, lo, hi);
    }

    private static void checkOrdered(double l1, double l2) {
        if (!(l1 > l2) || !(l2 > 0) || Double.isInfinite(l1)) {
            throw new IllegalArgumentException("need lambda1 > lambda2 > 0, got lambda1 = " + l1 + ", lambda2 = "
                    + l2);
        }
    }

    private static void checkPositive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
    }
}
