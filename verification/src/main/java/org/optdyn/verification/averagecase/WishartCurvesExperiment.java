package org.optdyn.verification.averagecase;

import java.util.ArrayList;
import java.util.List;
import java.util.SequencedMap;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;

import org.hipparchus.distribution.continuous.TDistribution;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.quadratic.DenseQuadratic;
import org.optdyn.engine.quadratic.QuadraticRun;
import org.optdyn.engine.quadratic.QuadraticRunner;
import org.optdyn.engine.quadratic.RandomQuadratics;
import org.optdyn.theory.averagecase.Chebyshev;
import org.optdyn.theory.averagecase.GeneralizedChebyshev;
import org.optdyn.theory.averagecase.GradientDescent;
import org.optdyn.theory.averagecase.HeavyBall;
import org.optdyn.theory.averagecase.NesterovConvex;
import org.optdyn.theory.averagecase.NesterovStronglyConvex;
import org.optdyn.theory.averagecase.PolynomialMethod;
import org.optdyn.theory.averagecase.ResidualPolynomials;
import org.optdyn.theory.spectrum.MarchenkoPastur;
import org.optdyn.theory.spectrum.SpectralQuadrature;
import org.optdyn.theory.spectrum.WishartEigenvalues;
import org.optdyn.verification.experiment.Check;
import org.optdyn.verification.experiment.Experiment;
import org.optdyn.verification.experiment.ExperimentResult;
import org.optdyn.verification.experiment.FalseFailure;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.Parallel;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.experiment.Series;

/**
 * Expected error curves {@code E||x_t - x*||^2} of oblivious methods on Gaussian Wishart least squares
 * ({@code x* ~ N(0, I/d)}, {@code x_0 = 0}, so {@code D_0 = 1}), for MP ratios {@code r = 1} ({@code l = 0}) and
 * {@code r = 1/2} ({@code l > 0}), at the two levels of average-case.md §9.2:
 * <ol>
 *   <li><b>implementation exactness</b>: the engine runs the actual iterations on a dense quadratic whose Hessian
 *       has one exact Wishart spectrum ({@link WishartEigenvalues}; by rotation invariance of the Wishart law and
 *       of {@code x*}, the diagonal basis loses nothing), and its {@code ||x_t - x*||^2} must equal
 *       {@code sum_i P_t(lambda_i)^2 x*_i^2} to relative 1e-10;</li>
 *   <li><b>ESD level</b> (A-12's estimator): the mean over {@code M} exact Wishart spectra of the conditional
 *       expectation {@code (1/d) sum_i P_t(lambda_i)^2} against the Marchenko-Pastur integral of {@code P_t^2}
 *       (Theorem A). The finite-d bias is A-12's measured one (it is {@code O(1/d)}, §7) and the Monte-Carlo error
 *       is Student-t with both A-12's and this run's standard errors.</li>
 * </ol>
 * Design edges follow §9.3; a spectrum outside the design interval is redrawn and counted in the notes.
 */
final class WishartCurvesExperiment implements Experiment {

    /** Relative error of the predicted curves that the ESD-level checks detect (and sabotage applies). */
    private static final double RESOLUTION = 0.005;
    /** Two-sided false-failure probability of each ESD-level check. */
    private static final double ALPHA = 1e-4;
    /** §9.2 level 1: relative agreement of the iterations with the polynomial formula. */
    private static final double EXACTNESS = 1e-10;

    @Override
    public String name() {
        return "average-case-wishart-curves";
    }

    @Override
    public String claim() {
        return "For oblivious methods on Wishart quadratics the engine's iterations equal the residual-polynomial "
                + "formula, and the expected squared distance after t steps equals the Marchenko-Pastur integral of "
                + "the squared residual polynomial up to the O(1/d) bias measured in A-12 (GD, NAG-C and "
                + "U-Chebyshev at r = 1, t = 10 and 100; GD and NAG-C at r = 1/2 within A-12's tolerances).";
    }

    @Override
    public String source() {
        return "Pedregosa and Scieur 2020 (arXiv:2002.04756), average-case framework; Paquette et al. 2022 "
                + "(arXiv:2006.04299); docs/theory/average-case.md sections 1.4, 7, 8 (A-12), 9.2, 9.3";
    }

    private record Size(int d, int draws, int stepsRatioOne, int stepsRatioHalf) {
    }

    /**
     * An ESD-level check: method index, time, and the finite-d bias it allows: either A-12's measured relative bias
     * {@code bias +- biasSe} (from {@code biasDraws} draws), or (biasSe = NaN) A-12's required tolerance {@code bias}.
     */
    private record Target(int method, int t, double bias, double biasSe, int biasDraws) {
    }

    private record Case(String id, double ratio, int steps, double designLower, double designUpper,
                        List<PolynomialMethod> methods, List<Target> targets) {
    }

    @Override
    public ExperimentResult run(RunConfig config) {
        boolean test = config.size() == RunConfig.Size.TEST;
        var size = test ? new Size(1000, 30, 100, 20) : new Size(2000, 30, 100, 20);
        double designFactor = 1.02; // section 9.3, d >= 1000
        var checks = new ArrayList<Check>();
        var figures = new ArrayList<Figure>();
        SequencedMap<String, String> params = ExperimentResult.parameterMap();
        params.put("d", String.valueOf(size.d()));
        params.put("Wishart spectra per ratio (M)", String.valueOf(size.draws()));
        params.put("design factor for L", String.valueOf(designFactor));
        params.put("seed", String.valueOf(config.seed()));
        var notes = new StringBuilder();

        List<Case> cases = new ArrayList<>();
        // r = 1: l = 0, L = 4 sigma^2. A-12's measured relative biases (mean +- se) at t = 10 and 100:
        // d = 1000 (M = 30) and d = 2000 (M = 12).
        double l1 = 4.0;
        double lD1 = designFactor * l1;
        int biasDraws = test ? 30 : 12;
        double[][] a12 = test
                ? new double[][] {{1.1e-3, 3e-4, 3.5e-3, 6e-4}, {1.6e-3, 3e-4, 1.3e-2, 3e-3}, {3.0e-3, 5e-4, 3.0e-2, 8e-3}}
                : new double[][] {{5.2e-4, 3e-4, 1.9e-3, 9e-4}, {8.5e-4, 4e-4, 2.9e-3, 3e-3}, {1.6e-3, 8e-4, 9.6e-3, 7e-3}};
        var targetsOne = new ArrayList<Target>();
        for (int m = 0; m < 3; m++) {
            targetsOne.add(new Target(m, 10, a12[m][0], a12[m][1], biasDraws));
            targetsOne.add(new Target(m, 100, a12[m][2], a12[m][3], biasDraws));
        }
        cases.add(new Case("1", 1.0, size.stepsRatioOne(), 0.0, lD1, List.of(new GradientDescent(1.0 / l1),
                new NesterovConvex(1.0 / l1), Chebyshev.secondKind(0.0, lD1),
                new GeneralizedChebyshev(0.5, 1.5, 0.0, lD1)), targetsOne));
        // r = 1/2: l > 0; design interval [0.95 l, 1.02 L]. A-12 states tolerances only: GD 3 % (t <= 50),
        // NAG-C 5 % (t <= 100).
        var mpHalf = new MarchenkoPastur(0.5, 1.0);
        double lo = mpHalf.lowerEdge();
        double hi = mpHalf.upperEdge();
        double loD = 0.95 * lo;
        double hiD = designFactor * hi;
        cases.add(new Case("0.5", 0.5, size.stepsRatioHalf(), loD, hiD, List.of(new GradientDescent(2.0 / (lo + hi)),
                new NesterovConvex(1.0 / hi), HeavyBall.polyak(loD, hiD, HeavyBall.FirstStep.PLAIN),
                NesterovStronglyConvex.standard(loD, hiD), Chebyshev.firstKind(loD, hiD),
                Chebyshev.secondKind(loD, hiD)),
                List.of(new Target(0, 10, 0.03, Double.NaN, 0), new Target(0, 20, 0.03, Double.NaN, 0),
                        new Target(1, 10, 0.05, Double.NaN, 0), new Target(1, 20, 0.05, Double.NaN, 0))));

        long caseSeed = config.seed();
        for (var c : cases) {
            caseSeed = caseSeed * 31 + 17;
            runCase(c, size, caseSeed, config, checks, figures, notes);
        }
        notes.append("r = 1/2 is checked to t = 20 only: beyond it the finite-d bias of GD exceeds A-12's 3 % "
                + "(measured +10.7 % +- 2 % at t = 50, d = 1000; the doc understates it). GCM (r = 1) and the "
                + "methods with l > 0 besides GD and NAG-C have no measured finite-d bias in A-12: they are checked "
                + "at the exactness level only and plotted against their MP integrals.");
        return new ExperimentResult(name(), checks, figures, params, notes.toString(),
                "a " + (100 * RESOLUTION) + " % error in every predicted curve (r = 1, GD at t = 10 resolves "
                        + "it); 1e-10 relative at the exactness level");
    }

    private void runCase(Case c, Size size, long seed, RunConfig config, List<Check> checks, List<Figure> figures,
                         StringBuilder notes) {
        int d = size.d();
        int n = (int) Math.round(d / c.ratio());
        int steps = c.steps();
        var mp = new MarchenkoPastur(c.ratio(), 1.0);
        var rule = mp.quadrature(c.ratio() == 1.0 ? steps + 2 : 2 * steps + 50);
        int methods = c.methods().size();
        double[][] theory = new double[methods][];
        for (int m = 0; m < methods; m++) {
            theory[m] = config.predicted(ResidualPolynomials.expectedErrors(c.methods().get(m), steps, rule).e0(),
                    RESOLUTION);
        }
        // per draw: [method][t] conditional expectation (1/d) sum_i P_t(lambda_i)^2, exact for x* ~ N(0, I/d)
        SplittableGenerator root = RandomGeneratorFactory.<SplittableGenerator>of("L64X256MixRandom").create(seed);
        int[] redrawn = new int[1];
        List<double[][]> perDraw = Parallel.replicates(root, size.draws(), config.threads(), (idx, rng) -> {
            double[] lambda = inDesign(c, d, n, rng, redrawn);
            var empirical = new SpectralQuadrature(lambda, uniform(d));
            double[][] out = new double[methods][];
            for (int m = 0; m < methods; m++) {
                out[m] = ResidualPolynomials.expectedErrors(c.methods().get(m).schedule(steps), empirical).e0();
            }
            config.progress().advance(idx + 1L, size.draws() + 1L);
            return out;
        });
        exactness(c, d, n, root.split(), config, checks, redrawn);
        notes.append("r = ").append(c.id()).append(": ").append(redrawn[0])
                .append(" spectrum draw(s) fell outside the design interval [").append(String.format("%.4g", c.designLower()))
                .append(", ").append(String.format("%.4g", c.designUpper())).append("] and were redrawn. ");

        var series = new ArrayList<Series>();
        double[] ts = new double[steps + 1];
        for (int t = 0; t <= steps; t++) {
            ts[t] = t;
        }
        int cnt = perDraw.size();
        double[][] mean = new double[methods][steps + 1];
        double[][] se = new double[methods][steps + 1];
        for (int m = 0; m < methods; m++) {
            for (int t = 0; t <= steps; t++) {
                double s = 0;
                for (double[][] draw : perDraw) {
                    s += draw[m][t];
                }
                mean[m][t] = s / cnt;
                double v = 0;
                for (double[][] draw : perDraw) {
                    v += (draw[m][t] - mean[m][t]) * (draw[m][t] - mean[m][t]);
                }
                se[m][t] = Math.sqrt(v / (cnt - 1.0) / cnt);
            }
            String label = c.methods().get(m).name();
            series.add(new Series(label + " theory", Series.Kind.THEORY_LINE, ts, theory[m]));
            series.add(new Series(label + " mean of (1/d) sum P_t(lambda_i)^2", Series.Kind.SIMULATION_MARKERS, ts,
                    mean[m]));
        }
        for (var target : c.targets()) {
            int m = target.method();
            int t = target.t();
            double th = theory[m][t];
            double rel = mean[m][t] / th - 1.0;
            double relSe = se[m][t] / th;
            String label = c.methods().get(m).name();
            String metric = String.format("r = %s, %s, t = %d: |mean/theory - 1 - bias|", c.id(), label, t);
            if (Double.isNaN(target.biasSe())) {
                double q = new TDistribution(cnt - 1).inverseCumulativeProbability(1 - ALPHA / 2);
                checks.add(Check.atMost(String.format("r = %s, %s, t = %d: |mean/theory - 1|", c.id(), label, t),
                        Math.abs(rel), target.bias() + q * relSe,
                        String.format("A-12's required tolerance %.0f %% for r = 1/2 (it covers the finite-d bias) + "
                                + "Student-t(%d) quantile %.2f x the relative standard error %.2g over %d spectra",
                                100 * target.bias(), cnt - 1, q, relSe, cnt),
                        FalseFailure.probability(ALPHA, "Student-t(" + (cnt - 1) + "), two-sided " + ALPHA
                                + ", given A-12's tolerance bounds the bias")));
            } else {
                // |rel - b| <= q sqrt(se^2 + se_b^2): the difference of two independent means, Student-t with the
                // smaller of the two degrees of freedom (conservative)
                int dof = Math.min(cnt, target.biasDraws()) - 1;
                double q = new TDistribution(dof).inverseCumulativeProbability(1 - ALPHA / 2);
                double combined = Math.hypot(relSe, target.biasSe());
                checks.add(Check.atMost(metric, Math.abs(rel - target.bias()), q * combined,
                        String.format("A-12 measured the relative finite-d bias %.2g +- %.1g at d = %d (%d draws); "
                                + "Student-t(%d) quantile %.2f x the combined standard error %.2g (this run's %.2g "
                                + "over %d spectra and A-12's)", target.bias(), target.biasSe(), d,
                                target.biasDraws(), dof, q, combined, relSe, cnt),
                        FalseFailure.probability(ALPHA, "Student-t(" + dof + "), two-sided " + ALPHA
                                + " (fewer degrees of freedom of the two means: conservative)")));
            }
        }
        figures.add(new Figure("wishart-r" + c.id(),
                "E||x_t - x*||^2 on Wishart quadratics, r = " + c.ratio() + ", d = " + d, "t",
                "E||x_t - x*||^2", false, true, series));
    }

    /**
     * Level 1 of §9.2: the engine's iterations on one exact Wishart spectrum (a dense diagonal Hessian) with
     * {@code x* ~ N(0, I/d)} against {@code sum_i P_t(lambda_i)^2 x*_i^2}, every method, every step.
     */
    private void exactness(Case c, int d, int n, SplittableGenerator rng, RunConfig config, List<Check> checks,
                           int[] redrawn) {
        double[] lambda = inDesign(c, d, n, rng, redrawn);
        double[] xStar = RandomQuadratics.isotropicMinimizer(d, 1.0, rng);
        double[] weights = new double[d];
        for (int i = 0; i < d; i++) {
            weights[i] = xStar[i] * xStar[i];
        }
        var q = new DenseQuadratic(d, RandomQuadratics.diagonalHessian(lambda), xStar);
        var measure = new SpectralQuadrature(lambda, weights);
        double worst = 0;
        String worstMethod = "";
        for (var method : c.methods()) {
            var schedule = method.schedule(c.steps());
            double[] predicted = config.predicted(ResidualPolynomials.expectedErrors(schedule, measure).e0(),
                    RESOLUTION);
            Outcome<QuadraticRun> r = QuadraticRunner.run(schedule, q, new double[d], false);
            double gap = Double.POSITIVE_INFINITY;   // a diverged run fails the check
            if (r instanceof Outcome.Completed<QuadraticRun>(var done)) {
                double[] dist = done.squaredDistance();
                gap = 0;
                for (int t = 0; t <= c.steps(); t++) {
                    gap = Math.max(gap, Math.abs(dist[t] / predicted[t] - 1));
                }
            }
            if (!(gap <= worst)) {
                worst = gap;
                worstMethod = method.name();
            }
        }
        checks.add(Check.atMost("r = " + c.id() + ", exactness: max over methods and t <= " + c.steps()
                        + " of |engine ||x_t - x*||^2 / sum_i P_t(lambda_i)^2 x*_i^2 - 1| (worst: " + worstMethod + ")",
                worst, EXACTNESS,
                "§9.2 level 1: the iterations are the residual polynomial applied to x_0 - x*, so they agree to "
                        + "rounding (relative 1e-10 for t <= 200 on well-conditioned cases)",
                FalseFailure.deterministic("rounding bound (§9.2)")));
    }

    /**
     * An exact Wishart spectrum ({@code d} eigenvalues of {@code X^T X / n}) inside the case's design interval
     * (§9.3); draws outside it are redrawn and counted in {@code redrawn[0]}.
     */
    private static double[] inDesign(Case c, int d, int n, SplittableGenerator rng, int[] redrawn) {
        while (true) {
            double[] lambda = WishartEigenvalues.sample(d, n, 1.0, rng);
            boolean lowerOk = c.designLower() == 0.0 || lambda[0] >= c.designLower();
            if (lambda[d - 1] < c.designUpper() && lowerOk) {
                return lambda;
            }
            synchronized (redrawn) {
                redrawn[0]++;
            }
        }
    }

    private static double[] uniform(int d) {
        double[] w = new double[d];
        java.util.Arrays.fill(w, 1.0 / d);
        return w;
    }
}
