package org.optdyn.verification.sgdode;

import java.util.ArrayList;
import org.optdyn.engine.stream.Covariance;
import org.optdyn.engine.stream.InitialCondition;
import org.optdyn.engine.stream.LabelModel;
import org.optdyn.engine.stream.LearningRateRule;
import org.optdyn.engine.stream.RunOutcome;
import org.optdyn.engine.stream.SimulationSpec;
import org.optdyn.engine.stream.TimeGrid;
import org.optdyn.theory.ode.ClosedForms;
import org.optdyn.theory.ode.GlmModel;
import org.optdyn.theory.ode.OdeOutcome;
import org.optdyn.theory.spectrum.Spectra;
import org.optdyn.verification.experiment.Check;
import org.optdyn.verification.experiment.Experiment;
import org.optdyn.verification.experiment.ExperimentResult;
import org.optdyn.verification.experiment.RunConfig;

/** Experiment 8: the stability threshold 2/lambdaBar of a constant rate, on both sides. */
final class StabilityThreshold implements Experiment {

    private static final double HORIZON = 40;

    @Override
    public String name() {
        return "stability-threshold";
    }

    @Override
    public String claim() {
        return "Least squares with a constant rate diverges iff gamma > 2/lambdaBar (the average, not the largest, "
                + "eigenvalue): at 0.9 x the threshold the ODE and every SGD run converge, at 1.1 x both blow up, "
                + "and the simulator reports the step and time of blow-up, which match the ODE's.";
    }

    @Override
    public String source() {
        return "[HL] display after eq. (7); [SGDL]; sgd-ode.md §3.3, §7 N3, §8 step 8";
    }

    @Override
    public ExperimentResult run(RunConfig config) {
        boolean full = config.size() == RunConfig.Size.FULL;
        int d = full ? 4096 : 1024;
        int m = full ? 20 : 4;
        var progress = new Runs.Progress(config, 2L * m);
        var checks = new ArrayList<Check>();
        var spectrum = Spectra.twoPoint(1, 0.25, d);
        double gc = ClosedForms.stabilityThreshold(spectrum);
        checks.add(Check.atMost("|2/lambdaBar - 3.2|", Math.abs(gc - 3.2), 1e-12, "N3: threshold 3.2 for {1, 0.25}"));
        var grid = TimeGrid.atTimes(AdaGradLeastSquares.linspace(HORIZON, 40), d);
        double[] times = grid.times();
        var notes = new StringBuilder();
        // below
        double below = 0.9 * gc;
        var odeBelow = Runs.ode(Runs.problem(GlmModel.leastSquares(), spectrum,
                org.optdyn.theory.ode.LearningRateRule.constant(below), times));
        checks.add(Check.atLeast("gamma = 0.9 x threshold: ODE completed (1 = yes)", odeBelow.completed() ? 1 : 0, 1,
                "§3.3: kernel mass gamma lambdaBar/2 = 0.9 < 1, bounded Volterra solution"));
        var specBelow = SimulationSpec.of(Covariance.diagonal(spectrum.coordinateEigenvalues()),
                new LabelModel.LeastSquares(0), new LearningRateRule.Constant(below),
                InitialCondition.zeroStartUnitTarget(), grid);
        var runsBelow = Runs.simulate(specBelow, config, 0, m, progress);
        int completed = 0;
        double worstFinal = 0;
        for (var r : runsBelow) {
            if (r instanceof RunOutcome.Completed c) {
                completed++;
                double[] risk = c.trajectory().leastSquaresRisk(0);
                worstFinal = Math.max(worstFinal, risk[risk.length - 1] / risk[0]);
            }
        }
        checks.add(Check.atLeast("gamma = 0.9 x threshold: SGD runs completed (of " + m + ")", completed, m,
                "below the threshold no run may blow up (the finite-d mean-square threshold is 3.2 (1 - O(1/d)), §3.4)"));
        checks.add(Check.atMost("gamma = 0.9 x threshold: max over runs of R(T)/R(0)", worstFinal, 1e-3,
                "convergent: the ODE decays like exp(-rho t) with rho > 0 (§3.3); R_ODE(T)/R(0) = "
                        + Runs.fmt(odeBelow.trajectory().risk()[odeBelow.trajectory().size() - 1]
                        / odeBelow.trajectory().risk()[0]) + ", 1e-3 leaves room for the O(d^-1/2) fluctuation of ln R"));
        // above
        double above = 1.1 * gc;
        var odeAbove = Runs.ode(Runs.problem(GlmModel.leastSquares(), spectrum,
                org.optdyn.theory.ode.LearningRateRule.constant(above), times));
        double tOde = odeAbove instanceof OdeOutcome.Diverged dv ? dv.time() : Double.NaN;
        checks.add(Check.atLeast("gamma = 1.1 x threshold: ODE diverged (1 = yes)", odeAbove.completed() ? 0 : 1, 1,
                "§3.3: kernel mass 1.1 > 1, the Volterra solution grows exponentially"));
        var specAbove = SimulationSpec.of(Covariance.diagonal(spectrum.coordinateEigenvalues()),
                new LabelModel.LeastSquares(0), new LearningRateRule.Constant(above),
                InitialCondition.zeroStartUnitTarget(), grid);
        var runsAbove = Runs.simulate(specAbove, config, 1, m, progress);
        int diverged = 0;
        double mean = 0;
        double sq = 0;
        for (var r : runsAbove) {
            if (r instanceof RunOutcome.Diverged dv) {
                diverged++;
                mean += dv.time();
                sq += dv.time() * dv.time();
                notes.append("run ").append(dv.run()).append(" diverged at step ").append(dv.step()).append(" (t = ")
                        .append(Runs.fmt(dv.time())).append("): ").append(dv.reason()).append('\n');
            }
        }
        checks.add(Check.atLeast("gamma = 1.1 x threshold: SGD runs reported as diverged (of " + m + ")", diverged, m,
                "above the threshold every run blows up; the simulator returns Diverged(step, time), not NaN curves"));
        if (diverged > 1) {
            mean /= diverged;
            double sd = Math.sqrt(Math.max(0, (sq - diverged * mean * mean) / (diverged - 1)));
            // the divergence criterion is the same in both (risk > 1e6 x R(0): P = 2R and P(0) = B22 = 2R(0));
            // SGD checks it every d/16 steps (1/16 time unit)
            double allowance = 4 * sd / Math.sqrt(diverged) + 10 * tOde / d + 1.0 / 16;
            checks.add(Check.atMost("|mean SGD blow-up time - ODE blow-up time| / (4 sd/sqrt(M) + 10 t_ODE/d + 1/16)",
                    Math.abs(mean - tOde) / allowance, 1.0,
                    "N13 (ii) for the blow-up time: CLT over runs, bias allowance C_b/d with C_b = 10 x t_ODE, plus the "
                            + "simulator's check interval"));
            notes.append("ODE blow-up time ").append(Runs.fmt(tOde)).append(", SGD mean ").append(Runs.fmt(mean))
                    .append(" (sd ").append(Runs.fmt(sd)).append(")\n");
        }
        var params = ExperimentResult.parameterMap();
        params.put("d", Integer.toString(d));
        params.put("runs M", Integer.toString(m));
        params.put("spectrum", "two-point {1, 0.25}, threshold 3.2");
        params.put("gamma", below + " and " + above);
        params.put("horizon T", Double.toString(HORIZON));
        params.put("seed", Long.toString(config.seed()));
        return new ExperimentResult(name(), checks, java.util.List.of(), params, notes.toString());
    }
}
