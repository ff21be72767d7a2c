package org.optdyn.verification.sgdode;

import java.util.ArrayList;
import org.optdyn.engine.stream.Covariance;
import org.optdyn.engine.stream.InitialCondition;
import org.optdyn.engine.stream.LabelModel;
import org.optdyn.engine.stream.LearningRateRule;
import org.optdyn.engine.stream.SimulationSpec;
import org.optdyn.engine.stream.TimeGrid;
import org.optdyn.theory.ode.GlmModel;
import org.optdyn.theory.ode.InitialOverlaps;
import org.optdyn.theory.spectrum.Spectra;
import org.optdyn.verification.experiment.Check;
import org.optdyn.verification.experiment.Experiment;
import org.optdyn.verification.experiment.ExperimentResult;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.RunConfig;

/** Experiment 4: phase retrieval (non-convex GLM) with a constant rate from a warm start. */
final class PhaseRetrievalConstant implements Experiment {

    private static final double GAMMA = 0.1;
    private static final double OMEGA = 0.2;
    private static final double HORIZON = 10;

    @Override
    public String name() {
        return "phase-retrieval-constant-lr";
    }

    @Override
    public String claim() {
        return "Phase retrieval (quartic loss, label noise omega = 0.2) from a warm start X0 = 0.5 X* + 0.5 u: the "
                + "mean SGD risk follows the ODE, and the spread of the runs shrinks like d^-1/2.";
    }

    @Override
    public String source() {
        return "[HN] GLM ODE; sgd-ode.md §1.2, §2.8 (closed forms derived there), §8 step 3, §9 item 16";
    }

    @Override
    public ExperimentResult run(RunConfig config) {
        boolean full = config.size() == RunConfig.Size.FULL;
        int[] dims = full ? new int[] {1024, 4096} : new int[] {256, 1024};
        int m = full ? 30 : 20;
        var progress = new Runs.Progress(config, (long) dims.length * m);
        var checks = new ArrayList<Check>();
        var figures = new ArrayList<Figure>();
        double[] sdAtEnd = new double[dims.length];
        for (int di = 0; di < dims.length; di++) {
            int d = dims[di];
            var spectrum = Spectra.identity(d);
            var grid = TimeGrid.atTimes(AdaGradLeastSquares.linspace(HORIZON, 20), d);
            double[] times = grid.times();
            var spec = SimulationSpec.of(Covariance.diagonal(spectrum.coordinateEigenvalues()),
                    new LabelModel.PhaseRetrieval(OMEGA), new LearningRateRule.Constant(GAMMA),
                    InitialCondition.warmStart(0.5, 0.5), grid);
            var runs = Runs.completed(Runs.simulate(spec, config, di, m, progress), name());
            // K = I: one group, and the warm start fixes |X0|^2 = 0.5, <X0,X*> = 0.5, |X*|^2 = 1 exactly
            var ode = Runs.odeCompleted(Runs.problem(GlmModel.phaseRetrieval(), spectrum,
                    org.optdyn.theory.ode.LearningRateRule.constant(GAMMA), times).withNoise(OMEGA)
                    .withInitial(InitialOverlaps.isotropicWarmStart(spectrum, 0.5, 0.5)));
            double[][] risk = Runs.risks(runs, GlmModel.phaseRetrieval(), OMEGA);
            var st = Runs.stats(risk);
            checks.add(Check.atMost("d = " + d + ": max_t |mean risk - ODE| / (4 sd/sqrt(M) + 10 R(0)/d)",
                    Runs.worstMeanRatio(st, ode.risk(), 10 * ode.risk()[0] / d), 1.0,
                    "N13 (ii): CLT 4 standard errors of M = " + m + " runs plus bias allowance C_b/d, "
                            + "C_b = 10 x R(0)"));
            sdAtEnd[di] = st.sd()[times.length - 1];
            if (di == dims.length - 1) {
                figures.add(new Figure("risk", "Phase retrieval, K = I, gamma = 0.1, omega = 0.2, d = " + d,
                        "t = k/d", "risk R", false, true, Runs.series("risk", times, ode.risk(), risk)));
            }
        }
        // N13 (iii): sd(d)/sd(4d) in [1.5, 2.7]; the sample sds of M runs have relative error ~ 1/sqrt(2(M-1))
        double ratio = sdAtEnd[0] / sdAtEnd[1];
        double relErr = Math.sqrt(2.0) / Math.sqrt(2.0 * (m - 1));
        checks.add(Check.atLeast("sd of the risk at T: ratio d = " + dims[0] + " over d = " + dims[1], ratio,
                1.5 * Math.exp(-3 * relErr),
                "N13 (iii): expected ratio 2 (fluctuations ~ d^-1/2), band [1.5, 2.7] widened by 3 sampling errors of "
                        + "the log sd ratio (sqrt(2)/sqrt(2(M-1)))"));
        checks.add(Check.atMost("sd of the risk at T: ratio d = " + dims[0] + " over d = " + dims[1], ratio,
                2.7 * Math.exp(3 * relErr), "N13 (iii): upper end of the same band"));
        var params = ExperimentResult.parameterMap();
        params.put("dimensions", java.util.Arrays.toString(dims));
        params.put("runs M", Integer.toString(m));
        params.put("gamma", Double.toString(GAMMA));
        params.put("omega", Double.toString(OMEGA));
        params.put("start", "X0 = 0.5 X* + 0.5 u, u a random unit vector orthogonal to X*");
        params.put("seed", Long.toString(config.seed()));
        return new ExperimentResult(name(), checks, figures, params, "");
    }
}
