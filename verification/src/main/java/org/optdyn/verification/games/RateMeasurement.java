package org.optdyn.verification.games;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator.SplittableGenerator;

import org.hipparchus.complex.Complex;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.games.Algorithm;
import org.optdyn.games.GameSolver;
import org.optdyn.games.Games;
import org.optdyn.games.LinearGame;
import org.optdyn.games.Modes;
import org.optdyn.games.Trajectory;
import org.optdyn.theory.shapes.Curve;
import org.optdyn.theory.shapes.FirstOrderMethod;
import org.optdyn.theory.shapes.ModalPrediction;
import org.optdyn.theory.shapes.Rates;
import org.optdyn.theory.shapes.Shape;
import org.optdyn.verification.experiment.Check;
import org.optdyn.verification.experiment.FalseFailure;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.Parallel;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.experiment.Series;

/**
 * One simulated run of a method on a normal linear game, the exact modal theory of the same run, and the two
 * checks that compare them with the predicted rate (issue 9 §1.1):
 * <ol>
 *   <li><b>(a) the window resolves ρ</b> (theory only): the least-squares slope of {@code ln ‖e_t‖} over the window
 *       {@code [T/2, T]} of the exact modal sum {@code ‖e_t‖² = Σ_j |u_t(λ_j)|² ‖P_j e_0‖²} ({@link ModalPrediction})
 *       lies in the a-priori band of {@link WindowBounds} around the predicted {@code ρ}: an exact bound (no
 *       probability) of width {@code O(1/T)}, computed from the method, the spectrum, the start weights and the
 *       window, never from a trajectory;</li>
 *   <li><b>(b) simulation = modal theory</b>: {@code max_t |ln(‖e_t‖_sim / ‖e_t‖_modal)|} is at most the a-priori
 *       first-order rounding bound of {@link WindowBounds}; the game runs in error coordinates ({@code w* = 0}), so
 *       rounding is relative to {@code ‖e_t‖} and the horizon can reach {@code ρ^T = 1e-120}.</li>
 * </ol>
 * The simulated rate {@code ρ̂} then lies within {@code (Σ|t − t̄|/Σ(t − t̄)²) δ} of the modal fit (a derived fact,
 * printed in the check's metric, not a third check). The start error is Gaussian with its component on the
 * maximizer's block rescaled to carry half of the energy ({@link WindowBounds#equalizeMaximizer}).
 *
 * @param label      legend label
 * @param method     the method
 * @param predicted  the predicted rate {@code ρ} the checks compare with (perturbed under sabotage)
 * @param rhoStar    {@code ρ_M(λ_*)} at the maximizer's block of the game
 * @param fitted     the simulated rate {@code ρ̂} (window fit of the simulated norms)
 * @param modalFit   the same fit on the modal prediction
 * @param band       the a-priori band of {@code ln ρ_fit(modal) − ln ρ_*}
 * @param modalRounding a-priori bound on the rounding of the modal sum itself, in {@code |ln|}
 * @param delta      {@code max_t |ln(simulated/modal)|} over {@code [0, T]}
 * @param deltaBound the a-priori rounding bound on {@code delta}
 * @param from       window start
 * @param to         window end ({@code T})
 * @param distance   simulated {@code ‖e_t‖}
 * @param modal      modal prediction of {@code ‖e_t‖}
 * @param outcome    the solver outcome
 */
record RateMeasurement(String label, FirstOrderMethod method, double predicted, double rhoStar, double fitted,
                       double modalFit, WindowBounds.Band band, double modalRounding, double delta, double deltaBound,
                       int from, int to, double[] distance, double[] modal, Outcome<Trajectory> outcome) {

    /**
     * Relative resolution of {@code sup_K ρ_M} sampled with 4001 points per boundary curve (Rates): the predicted
     * rate and {@code ρ_M} at the included maximizer may differ by this much.
     */
    static final double SAMPLING = 1e-7;

    /** Decaying runs stop at {@code ρ^T = 1e-120}: squares of the slowest components stay far above underflow. */
    static final double DECAY_TARGET = 1e-120;

    /** Growing runs stop at {@code ρ^T = 1e100}. */
    static final double GROWTH_TARGET = 1e100;

    /**
     * Equispaced singular values in {@code [lo, hi]} (both ends included) in which, for each method, the nearest
     * interior value is replaced by the singular value {@code |Im λ*|} of the method's maximizer {@code λ*} on the
     * bilinear shape, so that the game's spectrum contains every maximizer (§9.3).
     */
    static double[] sigmasWithMaximizers(int n, double lo, double hi, List<FirstOrderMethod> methods) {
        var shape = new Shape.Bilinear(lo, hi);
        double[] sigma = new double[n];
        for (int j = 0; j < n; j++) {
            sigma[j] = lo + (hi - lo) * j / (n - 1);
        }
        boolean[] replaced = new boolean[n];
        for (FirstOrderMethod m : methods) {
            double s = Math.abs(worstPoint(m, shape).getImaginary());
            int best = -1;
            for (int j = 1; j < n - 1; j++) {
                if (!replaced[j] && (best < 0 || Math.abs(sigma[j] - s) < Math.abs(sigma[best] - s))) {
                    best = j;
                }
            }
            if (s > lo && s < hi && best > 0) {
                sigma[best] = s;
                replaced[best] = true;
            }
        }
        return sigma;
    }

    /** @return the maximizer of {@code ρ_M} over the shape's evaluation points. */
    static Complex worstPoint(FirstOrderMethod m, Shape shape) {
        return Rates.worstPoint(m, Rates.evaluationPoints(m, shape));
    }

    /**
     * @return iterations {@code T} with {@code ρ^T ≈ 1e-120} (decay) or {@code 1e100} (growth), at least 20 and at
     *         most {@code cap}
     */
    static int horizon(double rho, int cap) {
        double target = rho < 1 ? DECAY_TARGET : GROWTH_TARGET;
        if (Math.abs(Math.log(rho)) < 1e-12) {
            return cap;
        }
        return (int) Math.min(cap, Math.max(20, Math.ceil(Math.log(target) / Math.log(rho))));
    }

    /** One random bilinear game, its Gaussian start error and the rate measurement of each method on them. */
    record OnBilinear(LinearGame game, double[] e0, List<RateMeasurement> measurements) {
    }

    /**
     * Measures every method on one bilinear game of dimension p = 2n whose singular values span {@code shape} and
     * include each method's worst σ ({@link #sigmasWithMaximizers}); the game and the start error e₀ come from two
     * splits of {@code root}. Method i is run for {@link #horizon}(ρ_i, cap) iterations with ρ_i its rate on the
     * shape and compared with {@code config.predicted(ρ_i, resolution)}, in parallel ({@link Parallel#mapIndices},
     * results in method order); each method advances the progress by one out of {@code progressTotal}.
     */
    static OnBilinear onBilinear(Shape.Bilinear shape, int n, List<FirstOrderMethod> methods, List<String> labels,
                                 SplittableGenerator root, int cap, RunConfig config, double resolution,
                                 int progressTotal) {
        double[] sigma = sigmasWithMaximizers(n, shape.sigmaMin(), shape.sigmaMax(), methods);
        LinearGame game = Games.bilinear(sigma, 0, root.split());
        double[] e0 = Games.gaussian(2 * n, root.split());
        List<RateMeasurement> ms = Parallel.mapIndices(methods.size(), config.threads(), i -> {
            FirstOrderMethod m = methods.get(i);
            double rho = Rates.rate(m, shape);
            var r = run(labels.get(i), game, e0, m, worstPoint(m, shape), config.predicted(rho, resolution),
                    horizon(rho, cap));
            config.progress().advance(i + 1, progressTotal);
            return r;
        });
        return new OnBilinear(game, e0, ms);
    }

    /** @return the block of {@code modes} whose eigenvalue is {@code z} or its conjugate (nearest). */
    static int blockOf(Complex[] eigenvalues, Complex z) {
        int best = 0;
        double dist = Double.POSITIVE_INFINITY;
        for (int j = 0; j < eigenvalues.length; j++) {
            double d = Math.hypot(eigenvalues[j].getReal() - z.getReal(),
                    Math.abs(eigenvalues[j].getImaginary()) - Math.abs(z.getImaginary()));
            if (d < dist) {
                dist = d;
                best = j;
            }
        }
        return best;
    }

    /**
     * Runs {@code method} for {@code steps} iterations on {@code game} in error coordinates, from {@code e0} with
     * the maximizer's component equalized, and computes the modal theory, the band and the rounding bound.
     *
     * @param worst     the maximizer {@code λ_*} of {@code ρ_M} on the shape (an eigenvalue of the game)
     * @param predicted the rate the checks compare with
     */
    static RateMeasurement run(String label, LinearGame game, double[] e0, FirstOrderMethod method, Complex worst,
                               double predicted, int steps) {
        Modes modes = game.modes().orElseThrow();
        Complex[] eig = modes.eigenvalues();
        int p = game.dimension();
        int[] size = new int[eig.length];
        for (int j = 0; j < eig.length; j++) {
            size[j] = eig[j].getImaginary() != 0 ? 2 : 1;
        }
        int star = blockOf(eig, worst);
        double[] start = WindowBounds.equalizeMaximizer(modes.q(), modes.start(), size, star, e0);
        // error coordinates: F(e) = A e, so every rounding error is relative to the current error
        LinearGame errorGame = new LinearGame(game.jacobian(), new double[p], game.split(), modes);
        Outcome<Trajectory> out = GameSolver.run(errorGame, new Algorithm.Standard(method), start, steps, 1e150);
        double[] d = out.value().distance();
        double[] weights = modes.weights(start);
        double[] modal = ModalPrediction.errorNorms(method, eig, weights, steps);
        int to = steps, from = to / 2;
        double modalFit = ModalPrediction.fittedRate(modal, from, to);
        var band = WindowBounds.band(method, eig, weights, star, from, to);
        double lambdaMax = 0;
        for (Complex z : eig) {
            lambdaMax = Math.max(lambdaMax, z.norm());
        }
        double[][] prop = WindowBounds.propagation(method, eig, modal);
        double epsModal = WindowBounds.modalEpsilon(method, lambdaMax);
        double eps0 = WindowBounds.startEpsilon(p);
        double deltaBound = WindowBounds.logBound(prop, WindowBounds.simulationEpsilon(method, p, lambdaMax) + epsModal,
                eps0);
        double modalRounding = WindowBounds.logBound(prop, epsModal, eps0);
        double fitted = Double.NaN, delta = Double.NaN;
        if (out.completed()) {
            fitted = ModalPrediction.fittedRate(d, from, to);
            delta = 0;
            for (int t = 0; t <= to; t++) {
                delta = Math.max(delta, Math.abs(Math.log(d[t] / modal[t])));
            }
        }
        return new RateMeasurement(label, method, predicted, method.spectralRadius(eig[star]), fitted, modalFit, band,
                modalRounding, delta, deltaBound, from, to, d, modal, out);
    }

    /** @return {@code |ln(ρ_fit(modal)/ρ) − c|}, c the band's centre: the deviation check (a) judges. */
    double windowDeviation() {
        return Math.abs(Math.log(modalFit / predicted) - band.center());
    }

    /** @return the tolerance of check (a): half the band + sampling resolution + the modal sum's own rounding. */
    double windowTolerance() {
        return band.halfWidth() + SAMPLING + WindowBounds.slopeLipschitz(from, to) * modalRounding;
    }

    /** @return the a-priori bound on {@code |ln ρ̂ − ln ρ|} that checks (a) and (b) together imply. */
    double impliedRateBound() {
        return Math.abs(band.center()) + windowTolerance() + WindowBounds.slopeLipschitz(from, to) * deltaBound;
    }

    /** @return the relative error of the simulated rate, {@code |ρ̂ − ρ|/ρ}. */
    double relativeError() {
        return Math.abs(fitted - predicted) / predicted;
    }

    /** @return check (a), the window band, and check (b), simulation against modal theory (class comment). */
    List<Check> checks() {
        var out = new ArrayList<Check>();
        String bandText = method.c(Complex.ONE) == null
                ? "one-step method: ln ρ_fit − ln ρ ∈ [−R/(2e·a), 0] ⊂ ±R/(2e·a) with R = " + fmt(band.r())
                        + ", a = " + from
                : "two-step method: ln ρ_fit − ln ρ − Sl(ln P_*) ∈ ±½Φ·K with Sl(ln P_*) = "
                        + fmt(band.prefactorSlope())
                        + " (maximizer's own prefactor), Φ = " + fmt(band.phi()) + ", K = "
                        + fmt(WindowBounds.slopeSensitivity(from, to));
        out.add(Check.atMost("|ln(ρ_fit(modal)/ρ) − c|, " + label + " (ρ = " + fmt(predicted) + ", modal fit "
                        + fmt(modalFit) + ", simulated ρ̂ = " + fmt(fitted) + ", T = " + to + ")",
                windowDeviation(), windowTolerance(),
                "the window [T/2, T] resolves ρ: " + bandText + " (a-priori band of the exact modal sum,"
                        + " WindowBounds); + 1e−7 boundary-sampling resolution of sup_K ρ_M + the modal sum's rounding",
                FalseFailure.deterministic("exact bound on the window fit of the modal sum, valid for every sampled"
                        + " spectrum and start error; rounding of the modal recurrence bounded to first order in u")));
        out.add(Check.atMost("max_t |ln(‖e_t‖_sim/‖e_t‖_modal)|, " + label, delta, deltaBound,
                "rounding, error coordinates: per-step perturbation ε (stored Jacobian 2γ_p·p·Λ, products γ_p·√p·Λ,"
                        + " vector updates), amplified by the method's coefficients and propagated by the per-block"
                        + " companion powers G(k), relative to the modal norm",
                FalseFailure.deterministic("first-order worst-case rounding bound (Higham γ_n), error coordinates")));
        return out;
    }

    /**
     * @return the resolution statement of a rate experiment: a relative error {@code resolution} in any predicted
     *         rate is detected because every case's window tolerance (in {@code ln ρ}) is below it
     */
    static String resolutionText(double resolution, List<RateMeasurement> ms, String extra) {
        double widest = ms.stream().mapToDouble(RateMeasurement::windowTolerance).max().orElseThrow();
        return "a " + String.format(java.util.Locale.ROOT, "%.2g", 100 * resolution) + " % error in any predicted rate"
                + extra + " (widest window tolerance"
                + " of this run: " + String.format(java.util.Locale.ROOT, "%.2g", 100 * widest) + " % in ln ρ)";
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.6g", v);
    }

    /** @return simulated norms (markers, subsampled) and the theory line {@code C ρ^t} anchored at the window start. */
    List<Series> curves(int maxPoints) {
        return curves(maxPoints, 1);
    }

    /** Same, with the abscissa scaled (e.g. by oracle calls per iteration). */
    List<Series> curves(int maxPoints, double xScale) {
        var out = new ArrayList<Series>();
        int n = distance.length;
        int stride = Math.max(1, n / maxPoints);
        int m = (n + stride - 1) / stride;
        double[] x = new double[m], y = new double[m], ym = new double[m], yt = new double[m];
        double scale = xScale;
        double anchor = distance.length > from ? distance[from] / Math.pow(predicted, from) : distance[0];
        for (int i = 0; i < m; i++) {
            int t = i * stride;
            x[i] = t * scale;
            y[i] = distance[t];
            ym[i] = modal[Math.min(t, modal.length - 1)];
            yt[i] = anchor * Math.pow(predicted, t);
        }
        out.add(new Series(label + " simulated", Series.Kind.SIMULATION_MARKERS, x, y));
        out.add(new Series(label + " predicted ρ^t", Series.Kind.THEORY_LINE, x, yt));
        out.add(new Series(label + " modal theory", Series.Kind.REFERENCE_DASHED, x, ym));
        return out;
    }

    /** @return a scatter figure of the spectrum, the shape boundary, and the method's characteristic roots. */
    static Figure shapeFigure(String id, String title, Complex[] spectrum, Complex[] boundary, FirstOrderMethod method,
                              double rho) {
        var series = new ArrayList<Series>();
        series.add(new Series("shape boundary", Series.Kind.THEORY_LINE, re(boundary), im(boundary)));
        series.add(new Series("eigenvalues λ of J(w*)", Series.Kind.SIMULATION_MARKERS, re(spectrum), im(spectrum)));
        if (method != null) {
            var roots = new ArrayList<Complex>();
            for (Complex z : spectrum) {
                roots.addAll(List.of(method.roots(z)));
            }
            Complex[] r = roots.toArray(Complex[]::new);
            series.add(new Series("roots r(λ) of " + method.label(), Series.Kind.SIMULATION_MARKERS, re(r), im(r)));
            Complex[] circle = new Complex[361];
            for (int k = 0; k <= 360; k++) {
                circle[k] = new Complex(rho * Math.cos(Math.toRadians(k)), rho * Math.sin(Math.toRadians(k)));
            }
            series.add(new Series("|r| = ρ", Series.Kind.REFERENCE_DASHED, re(circle), im(circle)));
        }
        return new Figure(id, title, "Re", "Im", false, false, series);
    }

    /**
     * The boundary of {@code shape} for drawing: its curves (e.g. the two segments of a bilinear shape, or the members
     * of a union) separated by a NaN point, where the plot breaks the line; a plain concatenation would draw false
     * segments from one curve to the next.
     */
    static Complex[] boundaryForPlot(Shape shape, int pointsPerCurve) {
        var out = new ArrayList<Complex>();
        for (Curve curve : shape.boundary()) {
            if (!out.isEmpty()) {
                out.add(Complex.NaN);
            }
            out.addAll(List.of(curve.sample(pointsPerCurve)));
        }
        return out.toArray(Complex[]::new);
    }

    static double[] re(Complex[] z) {
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = z[i].getReal();
        }
        return out;
    }

    static double[] im(Complex[] z) {
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = z[i].getImaginary();
        }
        return out;
    }
}
