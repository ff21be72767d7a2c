package org.optdyn.theory.ode;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.optdyn.theory.spectrum.DiscreteSpectrum;

/**
 * The least-squares risk as the solution of a Volterra equation of the second kind (sgd-ode.md §3.2; [HL] display
 * after eq. (7) and App. D.2, eqs. (64)–(66); [SGDL], [HSGD]) — an independent cross-check of the ODE:
 * <pre>
 *   𝓡(t) = ½ω² + F(Γ(t)) + ∫₀ᵗ γ_s² 𝒦(Γ(t) − Γ(s)) 𝓡(s) ds,
 *   F(u) = ½ Σ_j λ_j r_j(0) e^{−2λ_j u},   𝒦(u) = Σ_j w_j λ_j² e^{−2λ_j u},   Γ(t) = ∫₀ᵗ γ.
 * </pre>
 * Discretization: the trapezoidal rule on the uniform grid t_n = nh, implicit in the newest value (𝒦(0) = m₂), whose
 * error has an expansion in even powers of h; {@link #solveExtrapolated} combines h and h/2 by Richardson
 * extrapolation (error O(h⁴)). Rules: constant γ (Toeplitz kernel, cost O(NJ + N²)), a schedule γ(t) (Γ by 5-point
 * Gauss–Legendre per step, cost O(N²J)), and AdaGrad-Norm γ_n = η/√(b² + 2λ̄∫₀^{t_n}𝓡) with the integral by the
 * same trapezoidal rule, solved by fixed-point iteration at each step (cost O(N²J)).
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
        double[] t = new double[steps + 1];
        double[] r = new double[steps + 1];
        double[] g = new double[steps + 1];
        double[] gam = new double[steps + 1]; // Γ(t_n)
        for (int n = 0; n <= steps; n++) {
            t[n] = n * h;
        }
        r[0] = floor + expSum(fcoef, lam, 0);
        double k0 = expSum(kcoef, lam, 0);
        switch (rule) {
            case LearningRateRule.Constant c -> {
                double gc = c.gamma();
                double[] kern = new double[steps + 1];
                for (int n = 0; n <= steps; n++) {
                    kern[n] = expSum(kcoef, lam, gc * t[n]);
                    g[n] = gc;
                    gam[n] = gc * t[n];
                }
                double g2 = gc * gc;
                for (int n = 1; n <= steps; n++) {
                    double acc = 0.5 * kern[n] * r[0];
                    for (int m = 1; m < n; m++) {
                        acc += kern[n - m] * r[m];
                    }
                    double rhs = floor + expSum(fcoef, lam, gam[n]) + h * g2 * acc;
                    r[n] = rhs / (1 - 0.5 * h * g2 * k0);
                }
            }
            case LearningRateRule.Schedule sch -> {
                for (int n = 0; n <= steps; n++) {
                    g[n] = sch.gamma().applyAsDouble(t[n]);
                }
                for (int n = 1; n <= steps; n++) {
                    GaussIntegrator gl = new GaussIntegratorFactory().legendre(5, t[n - 1], t[n]);
                    gam[n] = gam[n - 1] + gl.integrate(x -> sch.gamma().applyAsDouble(x));
                }
                for (int n = 1; n <= steps; n++) {
                    r[n] = implicitStep(n, h, floor, fcoef, kcoef, lam, g, gam, r, k0);
                }
            }
            case LearningRateRule.AdaGradNorm a -> {
                double mean = spectrum.meanEigenvalue();
                g[0] = a.eta() / a.b();
                double integralR = 0;
                for (int n = 1; n <= steps; n++) {
                    double rn = r[n - 1];
                    double prev = Double.NaN;
                    for (int it = 0; it < 200 && !(Math.abs(rn - prev) <= 1e-15 * Math.abs(rn)); it++) {
                        prev = rn;
                        double intR = integralR + 0.5 * h * (r[n - 1] + rn);
                        g[n] = a.eta() / Math.sqrt(a.b() * a.b() + 2 * mean * intR);
                        gam[n] = gam[n - 1] + 0.5 * h * (g[n - 1] + g[n]);
                        rn = implicitStep(n, h, floor, fcoef, kcoef, lam, g, gam, r, k0);
                    }
                    r[n] = rn;
                    integralR += 0.5 * h * (r[n - 1] + r[n]);
                }
            }
            default -> throw new IllegalArgumentException("the Volterra form supports constant, schedule and "
                    + "AdaGrad-Norm rules, got " + rule);
        }
        return new Solution(h, t, r, g);
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

    /** Trapezoid step with a general (non-Toeplitz) kernel 𝒦(Γ_n − Γ_m); uses g[n], gam[n]. */
    private static double implicitStep(int n, double h, double floor, double[] fcoef, double[] kcoef, double[] lam,
                                       double[] g, double[] gam, double[] r, double k0) {
        double acc = 0.5 * g[0] * g[0] * expSum(kcoef, lam, gam[n] - gam[0]) * r[0];
        for (int m = 1; m < n; m++) {
            acc += g[m] * g[m] * expSum(kcoef, lam, gam[n] - gam[m]) * r[m];
        }
        double rhs = floor + expSum(fcoef, lam, gam[n]) + h * acc;
        return rhs / (1 - 0.5 * h * g[n] * g[n] * k0);
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
