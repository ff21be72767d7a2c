package org.optdyn.verification.averagecase;

import java.util.ArrayList;
import java.util.List;
import java.util.SequencedMap;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;

import org.optdyn.engine.quadratic.DenseQuadratic;
import org.optdyn.engine.quadratic.QuadraticRunner;
import org.optdyn.engine.quadratic.RandomQuadratics;
import org.optdyn.engine.quadratic.RunOutcome;
import org.optdyn.theory.averagecase.Chebyshev;
import org.optdyn.theory.averagecase.ExpectedErrors;
import org.optdyn.theory.averagecase.GeneralizedChebyshev;
import org.optdyn.theory.averagecase.GradientDescent;
import org.optdyn.theory.averagecase.HeavyBall;
import org.optdyn.theory.averagecase.NesterovConvex;
import org.optdyn.theory.averagecase.NesterovStronglyConvex;
import org.optdyn.theory.averagecase.PolynomialMethod;
import org.optdyn.theory.averagecase.ResidualPolynomials;
import org.optdyn.theory.spectrum.MarchenkoPastur;
import org.optdyn.verification.experiment.Check;
import org.optdyn.verification.experiment.Experiment;
import org.optdyn.verification.experiment.ExperimentResult;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.Parallel;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.experiment.Series;

/**
 * Expected error curves {@code E||x_t - x*||^2} of each method on Gaussian Wishart least squares, theory (the MP
 * integral of {@code P_t^2}, Theorem A) against the engine running the actual iterations on dense random
 * quadratics with {@code x* ~ N(0, I/d)}, {@code x_0 = 0}, for MP ratios {@code r = 1/2} ({@code l > 0}) and
 * {@code r = 1} ({@code l = 0}). Protocol of docs/theory/average-case.md section 9 (design edges 9.3).
 */
final class WishartCurvesExperiment implements Experiment {

    @Override
    public String name() {
        return "average-case-wishart-curves";
    }

    @Override
    public String claim() {
        return "For oblivious methods on Wishart quadratics the expected squared distance after t steps equals the "
                + "Marchenko-Pastur integral of the squared residual polynomial (up to Monte-Carlo and O(1/d) errors).";
    }

    @Override
    public String source() {
        return "Pedregosa and Scieur 2020 (arXiv:2002.04756), average-case framework; Paquette et al. 2022 "
                + "(arXiv:2006.04299); docs/theory/average-case.md sections 1.4, 7, 8 (A-12), 9";
    }

    private record Size(int d, int draws, int runsPerDraw, int stepsRatioOne, int stepsRatioHalf) {
    }

    private record Case(double ratio, int steps, double designLower, double designUpper,
                        List<PolynomialMethod> methods, double[] biasAt1000) {
    }

    @Override
    public ExperimentResult run(RunConfig config) {
        var size = config.size() == RunConfig.Size.TEST ? new Size(500, 10, 2, 50, 20) : new Size(1000, 20, 4, 100, 20);
        double designFactor = size.d() >= 1000 ? 1.02 : 1.05; // section 9.3
        var checks = new ArrayList<Check>();
        var figures = new ArrayList<Figure>();
        SequencedMap<String, String> params = ExperimentResult.parameterMap();
        params.put("d", String.valueOf(size.d()));
        params.put("draws per ratio", String.valueOf(size.draws()));
        params.put("runs (x* draws) per matrix", String.valueOf(size.runsPerDraw()));
        params.put("design factor for L", String.valueOf(designFactor));
        params.put("seed", String.valueOf(config.seed()));
        var notes = new StringBuilder();

        List<Case> cases = new ArrayList<>();
        // r = 1: l = 0, L = 4 sigma^2
        double l1 = 4.0;
        double lD1 = designFactor * l1;
        cases.add(new Case(1.0, size.stepsRatioOne(), 0.0, lD1, List.of(new GradientDescent(1.0 / l1),
                new NesterovConvex(1.0 / l1), Chebyshev.secondKind(0.0, lD1),
                new GeneralizedChebyshev(0.5, 1.5, 0.0, lD1)), new double[] {0.01, 0.03, 0.05, 0.05}));
        // r = 1/2: l > 0; design interval [0.95 l, f L]
        var mpHalf = new MarchenkoPastur(0.5, 1.0);
        double lo = mpHalf.lowerEdge();
        double hi = mpHalf.upperEdge();
        double loD = 0.95 * lo;
        double hiD = designFactor * hi;
        cases.add(new Case(0.5, size.stepsRatioHalf(), loD, hiD, List.of(new GradientDescent(2.0 / (lo + hi)),
                new NesterovConvex(1.0 / hi), HeavyBall.polyak(loD, hiD, HeavyBall.FirstStep.PLAIN),
                NesterovStronglyConvex.standard(loD, hiD), Chebyshev.firstKind(loD, hiD),
                Chebyshev.secondKind(loD, hiD)), new double[] {0.03, 0.05, 0.05, 0.05, 0.05, 0.05}));

        long caseSeed = config.seed();
        for (var c : cases) {
            caseSeed = caseSeed * 31 + 17;
            runCase(c, size, caseSeed, config, checks, figures);
        }
        notes.append("Theory uses the same design edges as the simulated methods (section 9.3); matrices with a "
                + "power-iteration estimate of lambda_max >= the design edge are redrawn. For r = 1/2 the design "
                + "lower edge 0.95 l lies several Tracy-Widom units below the expected smallest eigenvalue. "
                + "r = 1/2 curves stop at t = 20: beyond it the finite-d bias of GD exceeds the doc's 3 % "
                + "(measured +10.7 % +- 2 % at t = 50, d = 1000).");
        return new ExperimentResult(name(), checks, figures, params, notes.toString());
    }

    private void runCase(Case c, Size size, long seed, RunConfig config, List<Check> checks, List<Figure> figures) {
        int d = size.d();
        int n = (int) Math.round(d / c.ratio());
        int steps = c.steps();
        var mp = new MarchenkoPastur(c.ratio(), 1.0);
        var rule = mp.quadrature(c.ratio() == 1.0 ? steps + 2 : 2 * steps + 50);
        int methods = c.methods().size();
        var theory = new ExpectedErrors[methods];
        for (int m = 0; m < methods; m++) {
            theory[m] = ResidualPolynomials.expectedErrors(c.methods().get(m), steps, rule);
        }
        double upperDesign = c.designUpper();
        // per draw: [method][t] average of ||x_t - x*||^2 over the runs, or NaN if a run diverged
        SplittableGenerator root = RandomGeneratorFactory.<SplittableGenerator>of("L64X256MixRandom").create(seed);
        List<double[][]> perDraw = Parallel.replicates(root, size.draws(), config.threads(), (idx, rng) -> {
            double[] h;
            DenseQuadratic q;
            int redraws = 0;
            while (true) {
                h = RandomQuadratics.wishartHessian(d, n, 1.0, RandomQuadratics.Entries.GAUSSIAN, rng);
                q = new DenseQuadratic(d, h, new double[d]);
                double[] start = RandomQuadratics.isotropicMinimizer(d, 1.0, rng);
                double top = q.largestEigenvalue(100, start);
                if (top < upperDesign || redraws++ > 20) {
                    break;
                }
            }
            double[][] out = new double[methods][steps + 1];
            for (int k = 0; k < size.runsPerDraw(); k++) {
                var problem = q.withMinimizer(RandomQuadratics.isotropicMinimizer(d, 1.0, rng));
                for (int m = 0; m < methods; m++) {
                    RunOutcome r = QuadraticRunner.run(c.methods().get(m).schedule(steps), problem, new double[d],
                            false);
                    if (r instanceof RunOutcome.Completed done) {
                        double[] dist = done.squaredDistance();
                        for (int t = 0; t <= steps; t++) {
                            out[m][t] += dist[t] / size.runsPerDraw();
                        }
                    } else {
                        java.util.Arrays.fill(out[m], Double.NaN);
                    }
                }
            }
            config.progress().advance(idx + 1L, size.draws());
            return out;
        });
        var series = new ArrayList<Series>();
        double[] ts = new double[steps + 1];
        for (int t = 0; t <= steps; t++) {
            ts[t] = t;
        }
        double scale = 1000.0 / d;
        for (int m = 0; m < methods; m++) {
            String label = c.methods().get(m).name();
            double[] mean = new double[steps + 1];
            double[] se = new double[steps + 1];
            for (int t = 0; t <= steps; t++) {
                double s = 0;
                double s2 = 0;
                for (double[][] draw : perDraw) {
                    s += draw[m][t];
                    s2 += draw[m][t] * draw[m][t];
                }
                int cnt = perDraw.size();
                mean[t] = s / cnt;
                se[t] = Math.sqrt(Math.max(0.0, (s2 / cnt - mean[t] * mean[t]) * cnt / (cnt - 1.0)) / cnt);
            }
            series.add(new Series(label + " theory", Series.Kind.THEORY_LINE, ts, theory[m].e0()));
            series.add(new Series(label + " simulation mean", Series.Kind.SIMULATION_MARKERS, ts, mean));
            for (int t : new int[] {10, steps}) {
                double th = theory[m].distance(t);
                double dev = Math.abs(mean[t] / th - 1.0);
                double tol = 4.5 * se[t] / th + c.biasAt1000()[m] * scale;
                checks.add(Check.atMost(String.format("|mean/theory - 1|, r = %s, %s, t = %d", c.ratio(), label, t),
                        dev, tol, String.format("4.5 Monte-Carlo standard errors over %d draws (%.3g; x* and matrix "
                                + "noise, t-dist. 9+ dof: false-failure prob. < 2e-3) + finite-d bias allowance "
                                + "%.3g = A-12 tolerance at d = 1000 scaled by 1000/d (bias ~ 1/d, section 7)",
                                perDraw.size(), 4.5 * se[t] / th, c.biasAt1000()[m] * scale)));
            }
        }
        figures.add(new Figure("wishart-r" + (c.ratio() == 1.0 ? "1" : "0.5"),
                "E||x_t - x*||^2 on Wishart quadratics, r = " + c.ratio() + ", d = " + d, "t",
                "E||x_t - x*||^2", false, true, series));
    }
}
