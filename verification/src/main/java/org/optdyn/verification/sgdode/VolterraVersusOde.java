package org.optdyn.verification.sgdode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.optdyn.theory.ode.GlmModel;
import org.optdyn.theory.ode.HighLineOde;
import org.optdyn.theory.ode.InitialOverlaps;
import org.optdyn.theory.ode.LeastSquaresVolterra;
import org.optdyn.theory.ode.OdeProblem;
import org.optdyn.theory.ode.TimeGrid;
import org.optdyn.theory.spectrum.DiscreteSpectrum;
import org.optdyn.theory.spectrum.Spectra;
import org.optdyn.verification.experiment.Check;
import org.optdyn.verification.experiment.Experiment;
import org.optdyn.verification.experiment.ExperimentResult;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.experiment.Series;

/** Experiment 9: the least-squares Volterra equation and the ODE agree to integrator tolerance. */
final class VolterraVersusOde implements Experiment {

    private record Config(String id, String label, DiscreteSpectrum spectrum, double omega,
                          org.optdyn.theory.ode.LearningRateRule rule) {
    }

    private static final double HORIZON = 10;

    @Override
    public String name() {
        return "volterra-vs-ode";
    }

    @Override
    public String claim() {
        return "For least squares the risk solves a Volterra equation (variation of constants on the ODE); an "
                + "independent trapezoidal-Richardson solution of it agrees with the adaptive ODE to the size of the "
                + "discretization error, for constant and scheduled rates, with and without noise.";
    }

    @Override
    public String source() {
        return "[HL] display after eq. (7), App. D.2 eqs. (64)-(66); [SGDL]; [HSGD]; sgd-ode.md §3.2, §7 N3";
    }

    @Override
    public ExperimentResult run(RunConfig config) {
        boolean full = config.size() == RunConfig.Size.FULL;
        int steps = full ? 2000 : 500;
        DoubleUnaryOperator schedule = t -> 1.5 / (1 + t / 5);
        var configs = List.of(
                new Config("n3", "two-point {1, 0.25}, gamma = 1, omega = 0.5 (N3)", Spectra.twoPoint(1, 0.25, 1000),
                        0.5, org.optdyn.theory.ode.LearningRateRule.constant(1)),
                new Config("noiseless", "two-point {2, 0.5}, gamma = 0.8, omega = 0", Spectra.twoPoint(2, 0.5, 1000),
                        0, org.optdyn.theory.ode.LearningRateRule.constant(0.8)),
                new Config("schedule", "four eigenvalues {2, 1, 0.5, 0.1}, gamma(t) = 1.5/(1 + t/5), omega = 0.3",
                        DiscreteSpectrum.ofGroups(new double[] {2, 1, 0.5, 0.1}, new long[] {250, 250, 250, 250}),
                        0.3, new org.optdyn.theory.ode.LearningRateRule.Schedule(schedule, "1.5/(1+t/5)")));
        var checks = new ArrayList<Check>();
        var figures = new ArrayList<Figure>();
        for (int ci = 0; ci < configs.size(); ci++) {
            Config c = configs.get(ci);
            double[] times = new double[steps + 1];
            for (int n = 0; n <= steps; n++) {
                times[n] = HORIZON * n / steps;
            }
            var init = InitialOverlaps.isotropic(c.spectrum());
            double[] r0 = init.residuals();
            var ode = HighLineOde.solve(OdeProblem.of(GlmModel.leastSquares(), c.spectrum(), c.rule(),
                    TimeGrid.of(times)).withNoise(c.omega()).withInitial(init)).orElseThrow();
            double[] v = LeastSquaresVolterra.solveExtrapolated(c.spectrum(), r0, c.omega(), c.rule(), HORIZON, steps)
                    .risk();
            double[] vFine = LeastSquaresVolterra.solveExtrapolated(c.spectrum(), r0, c.omega(), c.rule(), HORIZON,
                    2 * steps).risk();
            double gap = 0;
            double estimate = 0;
            double[] odeRisk = ode.risk();
            for (int n = 0; n <= steps; n++) {
                gap = Math.max(gap, Math.abs(vFine[2 * n] - odeRisk[n]));
                estimate = Math.max(estimate, Math.abs(vFine[2 * n] - v[n]));
            }
            // for an O(h^4) scheme the finer solution's error is ~ |fine - coarse|/15; the ODE's error is below
            // rtol 1e-10 x R (R <= 1 here)
            checks.add(Check.atMost(c.label() + ": max_t |Volterra - ODE| (Volterra at h = " + (HORIZON / (2 * steps))
                    + ", Richardson)", gap, estimate + 1e-9,
                    "a posteriori error of the O(h^4) Richardson solution (its change when h halves, 15x its own "
                            + "error estimate) plus the ODE's tolerance (rtol 1e-10; 1e-9 absolute at R <= 1)"));
            if (ci == 0) {
                double[] n3t = {1, 2, 5, 10};
                double[] n3 = {0.27267149, 0.22379865, 0.19053236, 0.18271020};
                double worst = 0;
                for (int q = 0; q < n3t.length; q++) {
                    int n = (int) Math.round(n3t[q] / HORIZON * steps);
                    worst = Math.max(worst, Math.abs(vFine[2 * n] - n3[q]));
                }
                checks.add(Check.atMost("N3 values from the Volterra solution: max |R(t) - N3|", worst, 5e-9 + estimate,
                        "N3 prints 8 decimals (half-unit 5e-9) plus the Volterra discretization error estimate"));
            }
            var s = new ArrayList<Series>();
            s.add(new Series("ODE (Dormand-Prince)", Series.Kind.THEORY_LINE, times, odeRisk));
            double[] vt = new double[steps / 10 + 1];
            double[] vv = new double[vt.length];
            for (int q = 0; q < vt.length; q++) {
                vt[q] = times[10 * q];
                vv[q] = vFine[20 * q];
            }
            s.add(new Series("Volterra (trapezoid + Richardson)", Series.Kind.REFERENCE_DASHED, vt, vv));
            figures.add(new Figure("risk-" + c.id(), "Volterra vs ODE: " + c.label(), "t", "risk R", false, true, s));
        }
        var params = ExperimentResult.parameterMap();
        params.put("Volterra steps N (coarse; Richardson uses N and 2N, checked against 2N and 4N)",
                Integer.toString(steps));
        params.put("horizon T", Double.toString(HORIZON));
        params.put("ODE rtol", "1e-10 (default)");
        return new ExperimentResult(name(), checks, figures, params, "");
    }
}
