package org.optdyn.verification.games;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator.SplittableGenerator;

import org.hipparchus.complex.Complex;
import org.optdyn.games.Algorithm;
import org.optdyn.games.GameSolver;
import org.optdyn.games.Games;
import org.optdyn.games.LinearGame;
import org.optdyn.games.Modes;
import org.optdyn.games.SolverOutcome;
import org.optdyn.theory.shapes.Curve;
import org.optdyn.theory.shapes.FirstOrderMethod;
import org.optdyn.theory.shapes.ModalPrediction;
import org.optdyn.theory.shapes.Rates;
import org.optdyn.theory.shapes.Shape;
import org.optdyn.verification.experiment.Check;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.Parallel;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.experiment.Series;

/**
 * One simulated run of a method on a normal linear game, with the measured linear rate and the tolerance the
 * theory allows for it.
 *
 * <p><b>Measured rate.</b> {@code ρ̂} = exp of the least-squares slope of {@code log ‖w_t - w*‖} over the window
 * {@code [T/2, T]} (after the transient).
 *
 * <p><b>Tolerance (derived).</b> For a normal game the exact error norm is the modal sum
 * {@code ‖e_t‖² = Σ_j |u_t(λ_j)|² ‖P_j e_0‖²} of the per-eigenvalue characteristic recurrences
 * ({@link ModalPrediction}). Two effects separate {@code ρ̂} from the asymptotic {@code ρ}:
 * <ol>
 *   <li><i>transient</i>: eigenvalues whose spectral radius is close to, but below, {@code ρ}, and polynomial
 *       prefactors of double roots, bend {@code log ‖e_t‖} inside the window; their effect on the fit is exactly
 *       {@code |ρ_fit(modal) - ρ|/ρ}, the same least-squares fit applied to the modal prediction;</li>
 *   <li><i>finite-window fit error</i>: if the simulated and modal log-norms differ by at most {@code δ} on the
 *       window of {@code n} points, the fitted slopes differ by at most
 *       {@code δ Σ|t - t̄| / Σ(t - t̄)² = 3nδ/(n² - 1)} (for even n; {@code ≈ 3δ/n}).</li>
 * </ol>
 * Here the transient is measured against {@code ρ_spec = max_j ρ_M(λ_j)} over the game's own spectrum (the
 * asymptotic rate of the modal sum), not against the prediction under test, so a wrong prediction is not absorbed.
 * The check is {@code |ρ̂ - ρ|/ρ <= |ρ_fit(modal) - ρ_spec|/ρ_spec + (exp(3nδ/(n²-1)) - 1) + 1e-7}, the last term
 * being the boundary-sampling resolution of {@code ρ = sup_K ρ_M} ({@code Rates}); a second check asks
 * {@code |ρ_spec - ρ|/ρ <= 1e-7} (the spectrum contains the maximizer, §9.3). Separately,
 * {@code δ} itself is checked against a floating-point bound: perturbations of size {@code u‖w‖} per step
 * (unit roundoff {@code u}), damped at rate {@code ρ}, accumulate to at most
 * {@code c √p u (‖w*‖ + ‖e_0‖)(1 + calls · step · Λ) / (1 - ρ)^k} ({@code k = 1} one-step, {@code 2} two-step
 * methods whose double roots add a linear prefactor), relative to the smallest modal norm on the window.
 *
 * @param label      legend label
 * @param method     the method
 * @param predicted  the predicted rate {@code ρ} (shape rate)
 * @param spectrumRate {@code max_j ρ_M(λ_j)} over the game's actual spectrum (the asymptotic rate of the modal sum)
 * @param fitted     the measured rate {@code ρ̂}
 * @param modalFit   the same fit on the modal prediction
 * @param delta      max {@code |log(simulated/modal)|} over the window
 * @param deltaBound the floating-point bound on {@code delta}
 * @param from       window start
 * @param to         window end ({@code T})
 * @param distance   simulated {@code ‖e_t‖}
 * @param modal      modal prediction of {@code ‖e_t‖}
 * @param outcome    the solver outcome
 */
record RateMeasurement(String label, FirstOrderMethod method, double predicted, double spectrumRate, double fitted,
                       double modalFit,
                       double delta, double deltaBound, int from, int to, double[] distance, double[] modal,
                       SolverOutcome outcome) {

    /** Relative resolution of {@code sup_K ρ_M} sampled with 4001 points per boundary curve (Rates). */
    static final double SAMPLING = 1e-7;

    /** Unit roundoff of binary64. */
    static final double U = 0x1p-53;

    /**
     * Equispaced singular values in {@code [lo, hi]} (both ends included) in which, for each method, the nearest
     * interior value is replaced by the singular value {@code |Im λ*|} of the method's maximizer {@code λ*} on the
     * bilinear shape, so that the game's spectrum contains every maximizer (§9.3).
     */
    static double[] sigmasWithMaximizers(int n, double lo, double hi, List<FirstOrderMethod> methods) {
        var shape = new org.optdyn.theory.shapes.Shape.Bilinear(lo, hi);
        double[] sigma = new double[n];
        for (int j = 0; j < n; j++) {
            sigma[j] = lo + (hi - lo) * j / (n - 1);
        }
        boolean[] replaced = new boolean[n];
        for (FirstOrderMethod m : methods) {
            var pts = org.optdyn.theory.shapes.Rates.evaluationPoints(m, shape);
            double s = Math.abs(org.optdyn.theory.shapes.Rates.worstPoint(m, pts).getImaginary());
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

    /** @return iterations {@code T} so that {@code ρ^T ≈ target}, capped. */
    static int horizon(double rho, double target, int cap) {
        if (!(rho < 1)) {
            return cap;
        }
        return (int) Math.min(cap, Math.max(20, Math.ceil(Math.log(target) / Math.log(rho))));
    }

    /** One random bilinear game, its start error and the rate measurement of each method on them. */
    record OnBilinear(LinearGame game, double[] e0, List<RateMeasurement> measurements) {
    }

    /**
     * Measures every method on one bilinear game of dimension p = 2n whose singular values span {@code shape} and
     * include each method's worst σ ({@link #sigmasWithMaximizers}); the game and the start error e₀ come from two
     * splits of {@code root}. Method i is run for {@link #horizon}(ρ_i, 1e-10, cap) iterations with ρ_i its predicted
     * rate on the shape, in parallel ({@link Parallel#mapIndices}, results in method order); each method advances
     * the progress by one out of {@code progressTotal}.
     */
    static OnBilinear onBilinear(Shape.Bilinear shape, int n, List<FirstOrderMethod> methods, List<String> labels,
                                 SplittableGenerator root, int cap, RunConfig config, int progressTotal) {
        double[] sigma = sigmasWithMaximizers(n, shape.sigmaMin(), shape.sigmaMax(), methods);
        LinearGame game = Games.bilinear(sigma, 0, root.split());
        double[] e0 = Games.gaussian(2 * n, root.split());
        List<RateMeasurement> ms = Parallel.mapIndices(methods.size(), config.threads(), i -> {
            FirstOrderMethod m = methods.get(i);
            double rho = Rates.rate(m, shape);
            var r = run(labels.get(i), game, e0, m, rho, horizon(rho, 1e-10, cap));
            config.progress().advance(i + 1, progressTotal);
            return r;
        });
        return new OnBilinear(game, e0, ms);
    }

    static RateMeasurement run(String label, LinearGame game, double[] e0, FirstOrderMethod method, double predicted,
                               int steps) {
        double[] wStar = game.equilibrium();
        double[] w0 = wStar.clone();
        for (int i = 0; i < w0.length; i++) {
            w0[i] += e0[i];
        }
        SolverOutcome out = GameSolver.run(game, new Algorithm.Standard(method), w0, steps);
        double[] d = out.trajectory().distance();
        Modes modes = game.modes().orElseThrow();
        double[] modal = ModalPrediction.errorNorms(method, modes.eigenvalues(), modes.weights(e0), steps);
        // a diverged run is fitted on the second half of its recorded iterates (the growth rate)
        int to = out instanceof SolverOutcome.Completed ? steps : d.length - 1;
        int from = to / 2;
        if (to - from < 2) {
            return new RateMeasurement(label, method, predicted, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, from,
                    to, d, modal, out);
        }
        double fitted = ModalPrediction.fittedRate(d, from, to);
        double modalFit = ModalPrediction.fittedRate(modal, from, to);
        double delta = 0, minModal = Double.POSITIVE_INFINITY;
        for (int t = from; t <= to; t++) {
            delta = Math.max(delta, Math.abs(Math.log(d[t] / modal[t])));
            minModal = Math.min(minModal, modal[t]);
        }
        double lambdaMax = 0;
        for (Complex z : modes.eigenvalues()) {
            lambdaMax = Math.max(lambdaMax, z.norm());
        }
        double step = stepScale(method);
        int k = method.c(Complex.ONE) == null ? 1 : 2;
        // decaying runs: a perturbation of size ~u‖w‖ per step is damped at rate ρ, so perturbations accumulate to
        // at most (per-step size)/(1 − ρ)^k. Growing runs: the error grows as fast as the solution, so relative
        // perturbations add up over the steps: (per-step size)·(T + 1)/‖e_0‖.
        double perStep = 4 * Math.sqrt(w0.length) * U * (norm(wStar) + norm(e0))
                * (1 + method.oracleCalls() * step * lambdaMax);
        double deltaBound = predicted < 1
                ? perStep / Math.pow(Math.max(1 - predicted, 1e-6), k) / minModal
                : perStep * Math.pow(to + 1, k) / Math.min(norm(e0), minModal);
        double spectrumRate = org.optdyn.theory.shapes.Rates.rate(method, modes.spectrum());
        return new RateMeasurement(label, method, predicted, spectrumRate, fitted, modalFit, delta, deltaBound, from, to,
                d, modal, out);
    }

    private static double stepScale(FirstOrderMethod m) {
        return switch (m) {
            case FirstOrderMethod.GD g -> g.eta();
            case FirstOrderMethod.HB h -> Math.abs(h.h()) + Math.abs(h.m());
            case FirstOrderMethod.NAG n -> Math.abs(n.h()) + Math.abs(n.beta());
            case FirstOrderMethod.EG e -> e.eta() + Math.abs(e.gamma());
            case FirstOrderMethod.OG o -> 2 * o.eta();
            case FirstOrderMethod.MEG e -> Math.abs(e.h()) + Math.abs(e.gamma()) + Math.abs(e.m());
            case FirstOrderMethod.CO c -> c.eta() * (1 + Math.abs(c.gamma()));
            case FirstOrderMethod.ACO c -> Math.abs(c.h()) * (1 + Math.abs(c.gamma())) + Math.abs(c.m());
            case FirstOrderMethod.SQHB s -> Math.abs(s.h()) / Math.abs(s.gamma()) + Math.abs(s.gamma()) + Math.abs(s.m());
        };
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** @return the relative fit tolerance: transient bias + finite-window fit error (class comment). */
    double tolerance() {
        long n = to - from + 1L;
        double ratio = 3.0 * n / ((double) n * n - 1);
        return Math.abs(modalFit - spectrumRate) / spectrumRate + Math.expm1(ratio * delta) + SAMPLING;
    }

    double relativeError() {
        return Math.abs(fitted - predicted) / predicted;
    }

    /** @return the two checks: measured rate vs predicted, and simulation vs modal theory. */
    List<Check> checks() {
        var out = new ArrayList<Check>();
        out.add(Check.atMost("|ρ̂ − ρ|/ρ, " + label + " (ρ = " + fmt(predicted) + ", ρ̂ = " + fmt(fitted) + ")",
                relativeError(), tolerance(),
                "transient |ρ_fit(modal) − ρ_spec|/ρ_spec = " + fmt(Math.abs(modalFit - spectrumRate) / spectrumRate)
                        + " (same window fit of the exact modal prediction) + window fit error exp(3nδ/(n²−1)) − 1 with δ = "
                        + fmt(delta) + ", n = " + (to - from + 1) + " + sampling resolution 1e−7"));
        out.add(Check.atMost("|ρ_spec − ρ|/ρ (maximizer in the spectrum), " + label,
                Math.abs(spectrumRate - predicted) / predicted, SAMPLING,
                "the game's spectrum includes the maximizer of ρ_M over the shape (§9.3); 1e−7 = boundary-sampling"
                        + " resolution of the shape's supremum"));
        out.add(Check.atMost("max |log(simulated/modal)| on window, " + label, delta, deltaBound,
                "rounding: c√p·u·(‖w*‖+‖e₀‖)(1 + calls·step·Λ)/(1−ρ)^k relative to the smallest modal norm"));
        return out;
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
