package org.optdyn.verification.sam;

import java.util.ArrayList;
import java.util.List;
import org.optdyn.engine.optim.GradientOracle;
import org.optdyn.engine.optim.Sam;
import org.optdyn.engine.optim.SamTheory;
import org.optdyn.engine.optim.Sgd;
import org.optdyn.verification.experiment.Check;
import org.optdyn.verification.experiment.Experiment;
import org.optdyn.verification.experiment.ExperimentResult;
import org.optdyn.verification.experiment.FalseFailure;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.experiment.Series;
import org.optdyn.verification.experiment.Statistics;

/**
 * USAM and SAM stability thresholds on quadratics (sam.md §5.1-5.2, checks S1 and S4, protocol §7.2), found by
 * bisection over the curvature {@code lambda} and compared with the closed forms:
 * <ul>
 *   <li><b>USAM</b> on {@code L = lambda w^2/2} from {@code w = 1}: the exact linear map {@code 1 - eta lambda -
 *   eta rho lambda^2}; "unstable" means {@code |w_2000| > 1}, which holds iff the map's modulus exceeds 1, i.e. iff
 *   {@code lambda > lambda_USAM(eta, rho)}. Swept over {@code eta} at {@code rho = 0.05}.</li>
 *   <li><b>SAM edge</b> on {@code L = lambda w1^2/2 + c w2}: the second coordinate carries the constant gradient
 *   {@code c}, so near {@code w1 = 0} the normalisation is {@code ||g|| = c} and the linearised multiplier of
 *   {@code w1} is {@code 1 - eta lambda (1 + rho lambda/c)}: stable iff {@code lambda < lambda_SAM(eta, rho, c)}.
 *   Started at {@code w1 = 1e-8 c/lambda}, where the normalisation deviates from {@code c} by a relative
 *   {@code 1e-16}; "unstable" means {@code |w1_2000| > |w1_0|}. Swept over {@code c = ||g||} at
 *   {@code eta = 0.1, rho = 0.05}.</li>
 * </ul>
 * <b>Tolerance.</b> The bisection halves until the bracket's relative width is {@code w} ({@code 1e-4} at test size,
 * {@code 1e-6} full); if the closed form lies in the bracket, its distance from the midpoint is at most {@code w/2}
 * relative. Near the boundary the multiplier's modulus is {@code 1 +- O(w)}, and 2000 steps turn that into a factor
 * {@code exp(+-2000 O(w))} that rounding ({@code ~1e-16} per step) cannot flip. Deterministic.
 *
 * <p><b>Resolution.</b> Under sabotage every threshold is scaled by {@code 1.01} (sam.md §7.2 asks for brackets to
 * 1 %); the deviation is then about {@code 1e-2}, far above the tolerance.
 */
final class StabilityThresholds implements Experiment {

    private static final double RHO = 0.05;
    private static final double ETA_EDGE = 0.1;
    private static final double RES = 0.01;

    @Override
    public String name() {
        return "sam-stability-thresholds";
    }

    @Override
    public String claim() {
        return "On a quadratic, unnormalised SAM (e = rho g) is stable iff lambda < (sqrt(1 + 8 rho/eta) - 1)/(2 rho), "
                + "and normalised SAM, with the normalisation frozen at ||g||, iff lambda < ||g|| (sqrt(1 + 8 rho/(eta "
                + "||g||)) - 1)/(2 rho) (the SAM edge, rising from 0 to 2/eta with ||g||): bisection brackets both.";
    }

    @Override
    public String source() {
        return "sam.md §5.1 (USAM), §5.2 (SAM edge; Long and Bartlett 2023, arXiv:2309.12488), S1, S4, §7.2";
    }

    @Override
    public ExperimentResult run(RunConfig config) {
        boolean full = config.size() == RunConfig.Size.FULL;
        int points = full ? 21 : 5;
        double width = full ? 1e-6 : 1e-4;
        var checks = new ArrayList<Check>();
        var notes = new StringBuilder();

        // USAM over eta
        double[] etas = SamRuns.logSpaced(0.01, 1.0, points);
        double[][] usam = new double[points][];
        double usamWorst = 0;
        double[] usamPred = new double[points];
        for (int k = 0; k < points; k++) {
            double eta = etas[k];
            usam[k] = SamRuns.bracket(lambda -> usamUnstable(eta, lambda), 0.01 / eta, 2.2 / eta, width);
            usamPred[k] = config.predicted(SamTheory.usamThreshold(eta, RHO), RES);
            usamWorst = Math.max(usamWorst, SamRuns.deviation(usamPred[k], usam[k]));
        }
        checks.add(Check.atMost("USAM: max over eta of |lambda_USAM / bracket midpoint - 1|", usamWorst, width,
                "bisection to relative width " + width + " over " + points + " learning rates in [0.01, 1], rho = "
                        + RHO + "; the closed form inside the bracket is within width/2",
                FalseFailure.deterministic("bisection bracket width; exact linear map, 2000 steps amplify a modulus "
                        + "1 +- O(width) far beyond rounding (1e-16 per step)")));

        // SAM edge over ||g||
        double[] norms = SamRuns.logSpaced(0.01, 100, points);
        double[][] edge = new double[points][];
        double edgeWorst = 0;
        double[] edgePred = new double[points];
        for (int k = 0; k < points; k++) {
            double c = norms[k];
            edge[k] = SamRuns.bracket(lambda -> samUnstable(ETA_EDGE, c, lambda), 1e-3, 2.2 / ETA_EDGE, width);
            edgePred[k] = config.predicted(SamTheory.samEdge(ETA_EDGE, RHO, c), RES);
            edgeWorst = Math.max(edgeWorst, SamRuns.deviation(edgePred[k], edge[k]));
        }
        checks.add(Check.atMost("SAM edge: max over ||g|| of |lambda_SAM / bracket midpoint - 1|", edgeWorst, width,
                "bisection to relative width " + width + " over " + points + " gradient norms in [0.01, 100], eta = "
                        + ETA_EDGE + ", rho = " + RHO + "; start w1 = 1e-8 ||g||/lambda (normalisation exact to 1e-16)",
                FalseFailure.deterministic("bisection bracket width; linearisation error 1e-16 relative; rounding "
                        + "1e-16 per step against a modulus 1 +- O(width)")));

        for (int k = 0; k < points; k++) {
            notes.append("USAM eta = ").append(Statistics.fmt(etas[k])).append(": bracket [")
                    .append(usam[k][0]).append(", ").append(usam[k][1]).append("], closed form ")
                    .append(SamTheory.usamThreshold(etas[k], RHO)).append('\n');
        }
        for (int k = 0; k < points; k++) {
            notes.append("SAM ||g|| = ").append(Statistics.fmt(norms[k])).append(": bracket [")
                    .append(edge[k][0]).append(", ").append(edge[k][1]).append("], closed form ")
                    .append(SamTheory.samEdge(ETA_EDGE, RHO, norms[k])).append('\n');
        }

        var figures = new ArrayList<Figure>();
        figures.add(map("usam-map", "USAM stability map, rho = " + RHO + ": stable below the curve", "eta", etas, usam,
                e -> SamTheory.usamThreshold(e, RHO), e -> 2 / e, "2/eta (gradient descent)", "lambda_USAM(eta)"));
        figures.add(map("sam-edge", "SAM edge, eta = " + ETA_EDGE + ", rho = " + RHO + ": stable below the curve",
                "||g||", norms, edge, c -> SamTheory.samEdge(ETA_EDGE, RHO, c), c -> 2 / ETA_EDGE, "2/eta",
                "lambda_SAM(||g||)"));
        var params = ExperimentResult.parameterMap();
        params.put("rho", Double.toString(RHO));
        params.put("eta (SAM edge)", Double.toString(ETA_EDGE));
        params.put("points per sweep", Integer.toString(points));
        params.put("bisection relative width", Double.toString(width));
        params.put("steps per stability test", Integer.toString(SamRuns.STEPS));
        return new ExperimentResult(name(), checks, figures, params, notes.toString(),
                "an error of 1 % in a stability threshold (sam.md §7.2)");
    }

    private static boolean usamUnstable(double eta, double lambda) {
        double[] w = {1.0};
        SamRuns.run(new Sam(Sam.Config.unnormalized(RHO), Sgd.plain(1)), quadratic(lambda), w, eta, SamRuns.STEPS);
        return SamRuns.grew(1.0, w[0]);
    }

    private static boolean samUnstable(double eta, double c, double lambda) {
        double w0 = 1e-8 * c / lambda;
        double[] w = {w0, 0.0};
        GradientOracle f = (x, g) -> {
            g[0] = lambda * x[0];
            g[1] = c;
        };
        SamRuns.run(new Sam(Sam.Config.of(RHO), Sgd.plain(2)), f, w, eta, SamRuns.STEPS);
        return SamRuns.grew(w0, w[0]);
    }

    private static GradientOracle quadratic(double lambda) {
        return (x, g) -> g[0] = lambda * x[0];
    }

    private static Figure map(String id, String title, String xLabel, double[] x, double[][] brackets,
                              java.util.function.DoubleUnaryOperator theory,
                              java.util.function.DoubleUnaryOperator reference, String referenceName, String theoryName) {
        int m = 81;
        double[] xs = SamRuns.logSpaced(x[0], x[x.length - 1], m);
        double[] line = new double[m];
        double[] ref = new double[m];
        for (int i = 0; i < m; i++) {
            line[i] = theory.applyAsDouble(xs[i]);
            ref[i] = reference.applyAsDouble(xs[i]);
        }
        double[] lo = new double[x.length];
        double[] hi = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            lo[k] = brackets[k][0];
            hi[k] = brackets[k][1];
        }
        List<Series> series = List.of(new Series(theoryName + " (closed form)", Series.Kind.THEORY_LINE, xs, line),
                new Series(referenceName, Series.Kind.REFERENCE_DASHED, xs, ref),
                new Series("largest stable lambda found (bisection)", Series.Kind.SIMULATION_MARKERS, x, lo),
                new Series("smallest unstable lambda found (bisection)", Series.Kind.SIMULATION_MARKERS, x, hi));
        return new Figure(id, title, xLabel, "lambda", true, true, series);
    }
}
