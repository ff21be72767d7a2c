package org.optdyn.verification.sgdode;

import java.util.ArrayList;
import java.util.List;
import org.optdyn.engine.spectrum.DiscreteSpectrum;
import org.optdyn.engine.spectrum.Spectra;
import org.optdyn.engine.stream.Covariance;
import org.optdyn.engine.stream.InitialCondition;
import org.optdyn.engine.stream.LabelModel;
import org.optdyn.engine.stream.LearningRateRule;
import org.optdyn.engine.stream.SimulationSpec;
import org.optdyn.engine.stream.StepGrid;
import org.optdyn.engine.stream.TimeGrid;
import org.optdyn.theory.ode.HighLineClosedForms;
import org.optdyn.theory.ode.HighLineOde;
import org.optdyn.theory.ode.InitialOverlaps;
import org.optdyn.theory.ode.OdeProblem;
import org.optdyn.verification.experiment.Check;
import org.optdyn.verification.experiment.Experiment;
import org.optdyn.verification.experiment.ExperimentResult;
import org.optdyn.verification.experiment.FalseFailure;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.experiment.Statistics;

/** Experiment 5: noiseless AdaGrad-Norm's limiting learning rate is set by the average eigenvalue. */
final class AdaGradNoiselessLimit implements Experiment {

    private record Config(String id, String label, java.util.function.LongFunction<DiscreteSpectrum> spectrum,
                          double eta, double b, double targetNorm2, double n6) {
    }

    /** N6 values of gamma_inf. */
    private static final List<Config> CONFIGS = List.of(
            new Config("tp-1-025", "two-point {1, 0.25}, eta = b = 1", d -> Spectra.twoPoint(d, 1, 0.25), 1, 1, 1,
                    0.8211285361),
            new Config("tp-2-05", "two-point {2, 0.5}, eta = b = 1", d -> Spectra.twoPoint(d, 2, 0.5), 1, 1, 1,
                    0.6210257381),
            new Config("hl-3", "[HL] family s = 3, eta = 2.5, b = 0.5, |X*|^2 = 2", d -> Spectra.highLineFamily(d, 3),
                    2.5, 0.5, 2, 0.8634710608),
            new Config("hl-5", "[HL] family s = 5, eta = 2.5, b = 0.5, |X*|^2 = 2", d -> Spectra.highLineFamily(d, 5),
                    2.5, 0.5, 2, 0.8634710608));

    private static final double HORIZON = 15;
    /** Family-wise false-failure probability of each SGD check (4 checks: at most 4e-4 for the experiment). */
    private static final double ALPHA = 1e-4;
    /** Resolution: relative error of the predicted limit gamma_inf and of the predicted SGD learning-rate curve. */
    private static final double RESOLUTION = 0.05;
    /** N13 (ii): bias allowance C_b/d with C_b = 10 x the scale gamma_0 = eta/b of the learning rate. */
    private static final double BIAS_FACTOR = 10;
    private static final double ODE_HORIZON = 120;

    @Override
    public String name() {
        return "adagrad-norm-noiseless-limit";
    }

    @Override
    public String claim() {
        return "Noiseless least squares: AdaGrad-Norm's learning rate tends to gamma_inf, which depends on the spectrum "
                + "only through the average eigenvalue (the conservation law root); SGD reaches the ODE's rate, and "
                + "spectra with equal mean but condition numbers 64 vs 12 share the same limit.";
    }

    @Override
    public String source() {
        return "[HL] Prop. 4.2, Table 1, Fig. 3, eqs. (67)-(68); sgd-ode.md §4.4 (conservation law), §7 N6";
    }

    @Override
    public ExperimentResult run(RunConfig config) {
        boolean full = config.size() == RunConfig.Size.FULL;
        int d = full ? 2048 : 512;
        int m = full ? 30 : 10;
        var progress = new Runs.Progress(config, (long) CONFIGS.size() * m);
        var checks = new ArrayList<Check>();
        var figures = new ArrayList<Figure>();
        var grid = StepGrid.atTimes(AdaGradLeastSquares.linspace(HORIZON, 30), d);
        double[] times = grid.times();
        int last = times.length - 1;
        double[] sgdFinal = new double[CONFIGS.size()];
        double[] sgdSe = new double[CONFIGS.size()];
        double[] odeFinal = new double[CONFIGS.size()];
        double[] odeLong = new double[CONFIGS.size()];
        double[] limits = new double[CONFIGS.size()];
        for (int ci = 0; ci < CONFIGS.size(); ci++) {
            Config c = CONFIGS.get(ci);
            DiscreteSpectrum spectrum = c.spectrum().apply(d);
            // (a) the closed form (conservation-law root, §4.4) reproduces N6 (the [HL] family value is the d = 1000
            //     one; it depends on d only through lambdaBar = 1 exactly, so it holds for every d)
            double exactClosed = HighLineClosedForms.adaGradNormLimit(c.eta(), c.b(), spectrum, c.targetNorm2(), 0);
            double closed = config.predicted(exactClosed, RESOLUTION);
            limits[ci] = exactClosed;
            checks.add(Check.atMost(c.label() + ": |closed-form gamma_inf - N6 value|", Math.abs(exactClosed - c.n6()),
                    1e-9, "N6 values are printed to 10 digits; the Brent root is converged to 1e-15",
                    FalseFailure.deterministic("rounding: N6 printed to 10 digits (5e-11), root converged to 1e-15")));
            // (b) the full ODE of the SGD problem below reaches the closed form
            var spec = SimulationSpec.of(Covariance.diagonal(spectrum.coordinateEigenvalues()),
                    new LabelModel.LeastSquares(0), new LearningRateRule.AdaGradNorm(c.eta(), c.b()),
                    scaledUnitTarget(c.targetNorm2()), grid);
            var problem = OdeProblem.of(spec).withInitial(InitialOverlaps.isotropic(spectrum, c.targetNorm2()));
            var longRun = HighLineOdeLong.solve(problem.withGrid(TimeGrid.of(0, ODE_HORIZON)));
            odeLong[ci] = longRun;
            checks.add(Check.atMost(c.label() + ": |ODE gamma(" + (int) ODE_HORIZON + ") - closed form|",
                    Math.abs(longRun - closed), 1e-6,
                    "the remaining change of gamma after t is (lambdaBar/eta^2) int_t^inf gamma R (§4.2), "
                            + "exponentially small here; integrator rtol 1e-10 (N6 asks 1e-6)",
                    FalseFailure.deterministic("integrator bound: rtol 1e-10 over [0, " + (int) ODE_HORIZON
                            + "], plus the exponentially small remainder of gamma after t = " + (int) ODE_HORIZON)));
            // (c) SGD against the ODE on the grid (which includes T, where the ODE is close to the limit)
            var runs = Runs.completed(Runs.simulate(spec, config, ci, m, progress), name());
            var ode = Runs.odeCompleted(problem);
            double[][] lr = Runs.learningRates(runs);
            var st = Statistics.stats(lr);
            double gamma0 = c.eta() / c.b();
            var mt = Statistics.meanTest(st, config.predicted(ode.learningRate(), RESOLUTION),
                    Statistics.constant(times.length, BIAS_FACTOR * gamma0 / d), Statistics.range(1, times.length), ALPHA);
            checks.add(Check.atMost(c.label() + ": max_t |mean SGD lr - ODE| / (q se + 10 gamma_0/d)", mt.worst(), 1.0,
                    "N13 (ii): the mean of M = " + m + " runs within a Student-t interval (q = "
                            + Statistics.fmt(mt.quantile()) + ") plus the bias allowance C_b/d, C_b = 10 gamma_0 (N13's "
                            + "recommended allowance)", mt.falseFailure()));
            sgdFinal[ci] = st.mean()[last];
            sgdSe[ci] = st.se(last);
            odeFinal[ci] = ode.learningRate()[last];
            figures.add(new Figure("lr-" + c.id(), "AdaGrad-Norm, noiseless LS, " + c.label() + ", d = " + d,
                    "t = k/d", "learning rate", false, false, Runs.series("lr", times, ode.learningRate(), lr)));
        }
        var params = ExperimentResult.parameterMap();
        params.put("d", Integer.toString(d));
        params.put("runs M", Integer.toString(m));
        params.put("SGD horizon T", Double.toString(HORIZON));
        params.put("ODE horizon for the limit", Double.toString(ODE_HORIZON));
        params.put("false-failure probability per SGD check", Double.toString(ALPHA));
        params.put("seed", Long.toString(config.seed()));
        var notes = new StringBuilder("Derived facts (implied by the checks, not counted as checks): SGD reaches the "
                + "limit up to the part the ODE has not reached at T (mean check at t = T plus |ODE(T) - gamma_inf|); "
                + "the [HL] family limits for s = 3 and s = 5 coincide (both ODE values are within 1e-6 of closed "
                + "forms that both equal N6 to 1e-9).\n");
        for (int ci = 0; ci < CONFIGS.size(); ci++) {
            notes.append(CONFIGS.get(ci).label()).append(": SGD lr(T) = ").append(Statistics.fmt(sgdFinal[ci]))
                    .append(" +- ").append(Statistics.fmt(sgdSe[ci])).append(", ODE lr(T) = ").append(Statistics.fmt(odeFinal[ci]))
                    .append(", ODE lr(").append((int) ODE_HORIZON).append(") = ").append(Statistics.fmt(odeLong[ci]))
                    .append(", gamma_inf = ").append(Statistics.fmt(limits[ci])).append('\n');
        }
        notes.append("|ODE gamma(").append((int) ODE_HORIZON).append(") s = 3 - s = 5| = ")
                .append(Statistics.fmt(Math.abs(odeLong[2] - odeLong[3]))).append('\n');
        String resolution = "a 1e-6 error in the predicted limit gamma_inf (ODE against the closed form), and a "
                + Math.round(100 * RESOLUTION) + " % error in the predicted SGD learning-rate curve for the two-point "
                + "spectra (test size; for the [HL] family the allowance is dominated by 10 gamma_0/d = 0.1); "
                + "sabotage perturbs both by " + Math.round(100 * RESOLUTION) + " %";
        return new ExperimentResult(name(), checks, figures, params, notes.toString(), resolution);
    }

    /** X0 = 0, X* uniform on the sphere of radius sqrt(targetNorm2). */
    private static InitialCondition scaledUnitTarget(double targetNorm2) {
        InitialCondition unit = InitialCondition.zeroStartUnitTarget();
        double s = Math.sqrt(targetNorm2);
        return (cov, rng, x0, target) -> {
            unit.initialize(cov, rng, x0, target);
            for (int i = 0; i < target.length; i++) {
                target[i] *= s;
            }
        };
    }

    /** Solves to the last grid time and returns gamma there. */
    private static final class HighLineOdeLong {
        static double solve(OdeProblem p) {
            var t = HighLineOde.solve(p).orElseThrow();
            return t.learningRate()[t.size() - 1];
        }
    }
}
