package org.optdyn.verification.sgdode;

import java.util.ArrayList;
import java.util.Arrays;
import org.optdyn.engine.random.RandomStreams;
import org.optdyn.engine.spectrum.DiscreteSpectrum;
import org.optdyn.engine.spectrum.Spectra;
import org.optdyn.engine.stream.Covariance;
import org.optdyn.engine.stream.InitialCondition;
import org.optdyn.engine.stream.LabelModel;
import org.optdyn.engine.stream.LearningRateRule;
import org.optdyn.engine.stream.SimulationSpec;
import org.optdyn.engine.stream.StepGrid;
import org.optdyn.theory.ode.FiniteDimensionalMeans;
import org.optdyn.theory.ode.GlmModel;
import org.optdyn.verification.experiment.Check;
import org.optdyn.verification.experiment.Experiment;
import org.optdyn.verification.experiment.ExperimentResult;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.experiment.Series;
import org.optdyn.verification.experiment.Statistics;

/**
 * Streaming SGD on a Haar-rotated covariance {@code K = U diag(lambda) U^T} (issue 10 §3): the deterministic
 * equivalent sees {@code K} only through its eigenvalues and the projections of {@code X_0 - X*} on its
 * eigenvectors (sgd-ode.md §1.4, §3.1), and so does the exact finite-d mean of §3.4 (it is derived in the eigenbasis,
 * where a rotated problem is a diagonal one). Two consequences are checked, both against §3.4's exact mean (no bias
 * term): with an isotropic target the rotated problem has the same mean curve as the diagonal one; with the target
 * {@code X* = e_1} fixed in the data basis, the mean follows the curve of the projections
 * {@code m_i(0) = <e_1, phi_i>^2 = U_{1i}^2}, which a simulator that ignored or mis-applied {@code U} would miss
 * (the diagonal problem with that target puts all its weight on one eigenvalue).
 *
 * <p><b>Cost.</b> A rotated step draws {@code a = U (sqrt(lambda) .* z)}: a dense {@code d x d} matrix-vector
 * product, {@code O(d^2)} per step and so {@code O(T d^3)} per run, against {@code O(T d^2)} for a diagonal
 * {@code K} (the {@code StreamingSgdBench.rotated} row measures it).
 */
final class RotatedCovariance implements Experiment {

    private static final double GAMMA = 1;
    private static final double OMEGA = 0.5;
    private static final double HORIZON = 2;
    /** False-failure probability of each check (3 checks: at most 3e-4 for the experiment). */
    private static final double ALPHA = 1e-4;
    private static final int DRAWN = 8;

    @Override
    public String name() {
        return "rotated-covariance";
    }

    @Override
    public String claim() {
        return "SGD on a Haar-rotated covariance K = U diag(lambda) U^T (two-point spectrum {1, 0.25}, omega = 0.5, "
                + "gamma = 1) has the exact finite-d mean risk of sgd-ode.md §3.4 computed in K's eigenbasis: the same "
                + "curve as the diagonal problem for an isotropic target, and the curve of the projections U_1i^2 for "
                + "the target e_1 fixed in the data basis.";
    }

    @Override
    public String source() {
        return "[HL] Theorem 2.1 (rotation invariance of the deterministic equivalent); sgd-ode.md §1.4, §3.1, §3.4, "
                + "§8 step 2";
    }

    @Override
    public ExperimentResult run(RunConfig config) {
        boolean full = config.size() == RunConfig.Size.FULL;
        int d = full ? 1000 : 256;
        int m = full ? 40 : 64;
        double resolution = full ? 0.02 : 0.03;
        var progress = new Runs.Progress(config, 3L * m);
        DiscreteSpectrum spectrum = Spectra.twoPoint(d, 1, 0.25);
        double[] lambda = spectrum.coordinateEigenvalues();
        var rotated = Covariance.haar(lambda, new RandomStreams(config.seed()).child(3).general(0));
        var diagonal = Covariance.diagonal(lambda);
        var grid = StepGrid.linear(HORIZON, 20, d);
        double[] times = grid.times();
        double[] isotropic = new double[d];
        Arrays.fill(isotropic, 1.0 / d);
        double[] e1 = new double[d];
        e1[0] = 1;
        double[] xi = new double[d];
        rotated.toEigenbasis(e1, xi);
        double[] projected = new double[d];
        for (int i = 0; i < d; i++) {
            projected[i] = xi[i] * xi[i];
        }
        record Case(String id, String label, Covariance cov, InitialCondition start, double[] m0) {
        }
        var cases = new Case[] {
            new Case("rotated-isotropic", "rotated K, isotropic unit target", rotated,
                    InitialCondition.zeroStartUnitTarget(), isotropic),
            new Case("diagonal-isotropic", "diagonal K, isotropic unit target", diagonal,
                    InitialCondition.zeroStartUnitTarget(), isotropic),
            new Case("rotated-e1", "rotated K, target e_1 (data basis)", rotated,
                    InitialCondition.fixed(new double[d], e1), projected)};
        var checks = new ArrayList<Check>();
        var figures = new ArrayList<Figure>();
        var notes = new StringBuilder();
        double[] exactIsotropic = null;
        for (int ci = 0; ci < cases.length; ci++) {
            Case c = cases[ci];
            var spec = SimulationSpec.of(c.cov(), new LabelModel.LeastSquares(OMEGA),
                    new LearningRateRule.Constant(GAMMA), c.start(), grid);
            double[][] risks = Runs.risks(Runs.completed(Runs.simulate(spec, config, ci, m, progress), name()),
                    GlmModel.leastSquares(), OMEGA);
            double[] exact = FiniteDimensionalMeans.expectedRisk(spectrum, c.m0(), GAMMA, OMEGA, grid.steps()).risk();
            if (ci == 0) {
                exactIsotropic = exact;
            }
            var mt = Statistics.meanTest(Statistics.stats(risks), config.predicted(exact, resolution), new double[times.length],
                    Statistics.range(1, times.length), ALPHA);
            checks.add(Check.atMost(c.label() + ": max_t |mean SGD risk - exact finite-d mean| / (q se)", mt.worst(),
                    1.0, "§3.4 gives E R(X_k) exactly in K's eigenbasis for every d (no bias term), with m_i(0) the "
                            + "projections of X_0 - X* on the eigenvectors; mean of M = " + m + " runs at every grid "
                            + "time t > 0 (q = " + Statistics.fmt(mt.quantile()) + ")", mt.falseFailure()));
            var s = new ArrayList<Series>();
            s.add(new Series("exact finite-d mean", Series.Kind.THEORY_LINE, times, exact));
            if (ci == 2) {
                s.add(new Series("exact mean, isotropic target", Series.Kind.THEORY_LINE, times, exactIsotropic));
            }
            for (int r = 0; r < DRAWN; r++) {
                s.add(new Series("SGD seed " + r, Series.Kind.SIMULATION_MARKERS, times, risks[r]));
            }
            figures.add(new Figure("risk-" + c.id(), "Least squares, " + c.label() + ", d = " + d + " (first " + DRAWN
                    + " of " + m + " runs)", "t = k/d", "risk R", false, true, s));
            var st = Statistics.stats(risks);
            int last = times.length - 1;
            notes.append(c.label()).append(": mean risk at T = ").append(HORIZON).append(": ")
                    .append(Statistics.fmt(st.mean()[last])).append(" +- ").append(Statistics.fmt(st.se(last)))
                    .append(", exact ").append(Statistics.fmt(exact[last])).append('\n');
        }
        double top = 0;
        for (double p : projected) {
            top = Math.max(top, p);
        }
        double[] unrotated = new double[d];
        unrotated[0] = 1;      // the diagonal problem with X* = e_1: all the weight on lambda_1 = 1
        double[] wrong = FiniteDimensionalMeans.expectedRisk(spectrum, unrotated, GAMMA, OMEGA, grid.steps()).risk();
        notes.append("exact mean at T of the diagonal problem with target e_1 (what ignoring U would give): ")
                .append(Statistics.fmt(wrong[times.length - 1])).append('\n');
        notes.append("target e_1: largest projection U_1i^2 = ").append(Statistics.fmt(top)).append(" (isotropic: 1/d = ")
                .append(Statistics.fmt(1.0 / d)).append(")\n");
        var params = ExperimentResult.parameterMap();
        params.put("d", Integer.toString(d));
        params.put("runs per case (M)", Integer.toString(m));
        params.put("spectrum", "two-point {1, 0.25}, half each");
        params.put("U", "Haar on O(d) (sign-fixed QR), stream child 3 of the master seed");
        params.put("gamma, omega", GAMMA + ", " + OMEGA);
        params.put("horizon T", Double.toString(HORIZON));
        params.put("false-failure probability per check", Double.toString(ALPHA));
        params.put("seed", Long.toString(config.seed()));
        return new ExperimentResult(name(), checks, figures, params, notes.toString(), "a "
                + Math.round(100 * resolution) + " % error in the predicted mean risk curve (" + (full ? "full" : "test")
                + " size, d = " + d + ")");
    }
}
