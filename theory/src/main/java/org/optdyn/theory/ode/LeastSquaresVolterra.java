package org.optdyn.theory.ode;

import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.optdyn.engine.spectrum.DiscreteSpectrum;
import org.optdyn.engine.stream.LearningRateRule;

/**
 * The least-squares risk as the solution of a Volterra equation of the second kind (sgd-ode.md §3.2; [HL] display
 * after eq. (7) and App. D.2, eqs. (64)–(66); [SGDL], [HSGD]) — an independent cross-check of the ODE:
 * <pre>
 *   𝓡(t) = ½ω² + F(Γ(t)) + ∫₀ᵗ γ_s² 𝒦(Γ(t) − Γ(s)) 𝓡(s) ds,
 *   F(u) = ½ Σ_j λ_j r_j(0) e^{−2λ_j u},   𝒦(u) = Σ_j w_j λ_j² e^{−2λ_j u},   Γ(t) = ∫₀ᵗ γ.
 * </pre>
 * Discretization: the trapezoidal rule on the uniform grid t_n = nh, implicit in the newest value (𝒦(0) = m₂), whose
 * error has an expansion in even powers of h; {@link #solveExtrapolated} combines h and h/2 by Richardson
 * extrapolation (error O(h⁴)). Because 𝒦 is a sum of exponentials, the history integral is updated per group in
 * O(J) per step (cost O(NJ) in total, no N² convolution). Rules: constant γ, a schedule γ(t) (Γ by 5-point
 * Gauss–Legendre per step), and AdaGrad-Norm γ_n = η/√(b² + 2λ̄∫₀^{t_n}𝓡) with the integral and Γ by the same
 * trapezoidal rule, solved by fixed-point iteration at each step.
 */
public final class LeastSquaresVolterra {

    /** Risk and learning rate on the uniform grid t_n = n·h, n = 0..N. */
    public record Solution(double step, double[] times, double[] risk, double[] learningRate) {
        /** Copies. */
        public Solution {
            times = times.clone();
            risk = risk.clone();
            learningRate = learningRate.clone();
        }

        @Override
        public double[] times() {
            return times.clone();
        }

        @Override
        public double[] risk() {
            return risk.clone();
        }

        @Override
        public double[] learningRate() {
            return learningRate.clone();
        }

        /** Risk at t, which must be a grid node (n = t/h rounded, checked to 1e-9). */
        public double riskAt(double t) {
            return risk[node(t)];
        }

        /** Learning rate at grid node t. */
        public double learningRateAt(double t) {
            return learningRate[node(t)];
        }

        private int node(double t) {
            long n = Math.round(t / step);
            if (n < 0 || n >= times.length || Math.abs(n * step - t) > 1e-9 * Math.max(1, t)) {
                throw new IllegalArgumentException("t = " + t + " is not a grid node of step " + step);
            }
            return (int) n;
        }
    }

    /** One factory, so the 5-point Legendre rule is computed once and cached by Hipparchus. */
    private static final GaussIntegratorFactory LEGENDRE = new GaussIntegratorFactory();

    private LeastSquaresVolterra() {
    }

    /**
     * Solves on t_n = n·tmax/steps.
     *
     * @param spectrum          eigenvalues of K with multiplicities
     * @param initialResiduals  r_j(0) per group (read)
     * @param omega             noise standard deviation ω
     * @param rule              {@link LearningRateRule.Constant}, {@link LearningRateRule.Schedule} or
     *                          {@link LearningRateRule.AdaGradNorm}
     * @param tmax              horizon &gt; 0
     * @param steps             N ≥ 2
     */
    public static Solution solve(DiscreteSpectrum spectrum, double[] initialResiduals, double omega,
                                 LearningRateRule rule, double tmax, int steps) {
        if (initialResiduals == null || initialResiduals.length != spectrum.groupCount()) {
            throw new IllegalArgumentException("initialResiduals must have one entry per group ("
                    + spectrum.groupCount() + ")");
        }
        if (!(tmax > 0) || Double.isInfinite(tmax)) {
            throw new IllegalArgumentException("tmax must be finite and > 0, got " + tmax);
        }
        if (steps < 2) {
            throw new IllegalArgumentException("steps must be >= 2, got " + steps);
        }
        if (!(omega >= 0)) {
            throw new IllegalArgumentException("omega must be >= 0, got " + omega);
        }
        int J = spectrum.groupCount();
        double[] lam = spectrum.eigenvalues();
        double[] w = spectrum.weights();
        double[] fcoef = new double[J];
        double[] kcoef = new double[J];
        for (int j = 0; j < J; j++) {
            fcoef[j] = 0.5 * lam[j] * initialResiduals[j];
            kcoef[j] = w[j] * lam[j] * lam[j];
        }
        double h = tmax / steps;
        double floor = 0.5 * omega * omega;
        double k0 = expSum(kcoef, lam, 0);
        double[] t = new double[steps + 1];
        double[] r = new double[steps + 1];
        double[] g = new double[steps + 1];
        double[] gam = new double[steps + 1]; // Γ(t_n)
        for (int n = 0; n <= steps; n++) {
            t[n] = n * h;
        }
        r[0] = floor + expSum(fcoef, lam, 0);
        g[0] = rate(rule, 0, 0, spectrum);
        // Exponential kernel ⇒ the history sum is a per-group recursion (O(J) per step, no O(N²) convolution):
        // A_j(n) = Σ_{m<n} c_m γ_m² e^{−2λ_j(Γ_n − Γ_m)} 𝓡_m, c_0 = ½, c_m = 1, and
        // A_j(n+1) = e^{−2λ_j(Γ_{n+1} − Γ_n)} (A_j(n) + c_n γ_n² 𝓡_n).
        double[] hist = new double[J];
        double[] next = new double[J];
        double integralR = 0;
        for (int n = 1; n <= steps; n++) {
            double seed = 0.5 * (n == 1 ? 1 : 2) * g[n - 1] * g[n - 1] * r[n - 1]; // c_{n−1} γ² 𝓡
            double rn = r[n - 1];
            double prev = Double.NaN;
            boolean implicitRate = rule instanceof LearningRateRule.AdaGradNorm;
            for (int it = 0; it < 200; it++) {
                double intR = integralR + 0.5 * h * (r[n - 1] + rn);
                g[n] = rate(rule, t[n], intR, spectrum);
                gam[n] = gam[n - 1] + increment(rule, t[n - 1], t[n], g[n - 1], g[n]);
                double dg = gam[n] - gam[n - 1];
                double acc = 0;
                for (int j = 0; j < J; j++) {
                    next[j] = Math.exp(-2 * lam[j] * dg) * (hist[j] + seed);
                    acc += kcoef[j] * next[j];
                }
                double rhs = floor + expSum(fcoef, lam, gam[n]) + h * acc;
                rn = rhs / (1 - 0.5 * h * g[n] * g[n] * k0);
                if (!implicitRate || Math.abs(rn - prev) <= 1e-15 * Math.abs(rn)) {
                    break;
                }
                prev = rn;
            }
            r[n] = rn;
            System.arraycopy(next, 0, hist, 0, J);
            integralR += 0.5 * h * (r[n - 1] + r[n]);
        }
        return new Solution(h, t, r, g);
    }

    /** γ at time t given ∫₀ᵗ𝓡 (AdaGrad-Norm, LS: γ = η/√(b² + 2λ̄∫𝓡), §4.2). */
    private static double rate(LearningRateRule rule, double t, double integralRisk, DiscreteSpectrum spectrum) {
        return switch (rule) {
            case LearningRateRule.Constant c -> c.gamma();
            case LearningRateRule.Schedule sch -> sch.gamma().applyAsDouble(t);
            case LearningRateRule.AdaGradNorm a ->
                    a.eta() / Math.sqrt(a.b() * a.b() + 2 * spectrum.meanEigenvalue() * integralRisk);
            default -> throw new IllegalArgumentException("the Volterra form supports constant, schedule and "
                    + "AdaGrad-Norm rules, got " + rule);
        };
    }

    /** Γ(t₁) − Γ(t₀): exact for constant, 5-point Gauss–Legendre for a schedule, trapezoid for AdaGrad-Norm. */
    private static double increment(LearningRateRule rule, double t0, double t1, double g0, double g1) {
        return switch (rule) {
            case LearningRateRule.Constant c -> c.gamma() * (t1 - t0);
            case LearningRateRule.Schedule sch ->
                    LEGENDRE.legendre(5, t0, t1).integrate(x -> sch.gamma().applyAsDouble(x));
            default -> 0.5 * (t1 - t0) * (g0 + g1);
        };
    }

    /**
     * Richardson extrapolation of two trapezoidal solutions (steps and 2·steps): (4𝓡_{h/2} − 𝓡_h)/3 on the coarse
     * grid, error O(h⁴) for smooth data.
     */
    public static Solution solveExtrapolated(DiscreteSpectrum spectrum, double[] initialResiduals, double omega,
                                             LearningRateRule rule, double tmax, int steps) {
        Solution coarse = solve(spectrum, initialResiduals, omega, rule, tmax, steps);
        Solution fine = solve(spectrum, initialResiduals, omega, rule, tmax, 2 * steps);
        double[] r = new double[steps + 1];
        double[] g = new double[steps + 1];
        for (int n = 0; n <= steps; n++) {
            r[n] = (4 * fine.risk[2 * n] - coarse.risk[n]) / 3;
            g[n] = (4 * fine.learningRate[2 * n] - coarse.learningRate[n]) / 3;
        }
        return new Solution(coarse.step, coarse.times, r, g);
    }

    /** Σ_j coef_j e^{−2λ_j u}. */
    private static double expSum(double[] coef, double[] lam, double u) {
        double s = 0;
        for (int j = 0; j < coef.length; j++) {
            s += coef[j] * Math.exp(-2 * lam[j] * u);
        }
        return s;
    }
}
