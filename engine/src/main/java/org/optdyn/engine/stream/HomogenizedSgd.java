package org.optdyn.engine.stream;

import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.optdyn.engine.kernel.DoubleKernels;
import org.optdyn.engine.kernel.Kernels;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.random.GaussianStream;
import org.optdyn.engine.random.RandomStreams;

/**
 * Homogenized SGD (sgd-ode.md §6; [HN] section on homogenized SGD, [HSGD] for least squares): the SDE
 * <pre>
 *   dX_t = -gamma_t grad R(X_t) dt + gamma_t sqrt( I(W_t^T K W_t)/d * K ) dB_t,    W_t = [X_t | X*],
 * </pre>
 * with {@code grad R(X) = 2K(H_1 X + H_2 X*)} and {@code I(B)} the Fisher term of §2.2 (closed forms for least
 * squares and phase retrieval, §2.8; the Gauss–Hermite rule of §2.7 for logistic regression, see
 * {@link HermiteQuadrature}), solved on the same problems as {@link StreamingSimulator}: it reads the same
 * {@link SimulationSpec} and returns the same {@link Outcome}s of {@link RunTrajectory}s, recorded at the same grid
 * points {@code t = k/d}.
 *
 * <p><b>Scheme.</b> Euler–Maruyama with step {@code h} (default {@code 1/d}: one SDE step per SGD step). In the
 * eigenbasis of {@code K = U diag(lambda) U^T}, with {@code xi = U^T X}, one step from time {@code t_j = j h} is
 * <pre>
 *   xi_i <- xi_i - 2 gamma_j h lambda_i (H_1 xi_i + H_2 xi*_i) + gamma_j sqrt(I(B_j) h / (d b)) sqrt(lambda_i) z_i,
 * </pre>
 * {@code z ~ N(0, I_d)} from the run's Gaussian stream and {@code b} the spec's batch size (a mean of {@code b}
 * gradients has {@code 1/b} of the noise covariance). Because the diffusion {@code sqrt(K) dB} is rotation
 * equivariant, the law of {@code U xi} is exactly that of the SDE in the data basis, so a rotated covariance costs
 * {@code O(d)} per step as well ({@code O(d^2)} once, to rotate {@code X_0} and {@code X*}); the records ({@code B},
 * {@code |X-X*|^2}, {@code |X|^2}) are rotation invariant and are taken from {@code xi}.
 *
 * <p><b>Learning rates</b> (§2.6): constant and schedule {@code gamma(t_j)}; idealized line search and Polyak from
 * the population formulas of §5 at the current iterate (least squares only, as for the simulator); AdaGrad-Norm
 * with the accumulator {@code G} of §4.2 driven by the SDE's own path: {@code G += lambda-bar I(B_j) h / b}, before
 * the rate {@code gamma_j = eta / sqrt(b_0^2 + G)} is used (the order of §8 step 4). This is the rule of §2.6 (the
 * observed {@code |grad Psi|^2 / d} of SGD is replaced by its conditional mean {@code lambda-bar I(B)}, §2.5) applied
 * to the homogenized path, i.e. the conditional mean of SGD's increment {@code |f' a|^2/d^2} without its
 * {@code 2|grad R|^2/d^2} part, which is of the rank-two kind that homogenization drops (§6).
 *
 * <p><b>Divergence</b> is a result, with the simulator's criterion (§8 step 8): the proxy
 * {@code P = (X-X*)^T K (X-X*) = B11 - 2 B12 + B22} is available every step (the solver needs {@code B} anyway) and
 * the run ends with {@link Outcome.Diverged} when {@code P > 1e6 max(P(X_0), B22)} or a value is non-finite.
 * Its {@code step} is in SGD-step units ({@code ceil(t d)}), its {@code time} the SDE time.
 *
 * <p><b>Cost and reproducibility.</b> Per step one SIMD Gaussian fill and, with the {@link Kernels#doubles()}
 * kernels, two dot products and three axpys, plus one elementwise product {@code lambda .* xi} (skipped for
 * {@code K = I}); logistic regression adds {@code n^2 = 2500} sigmoid evaluations for {@code I(B)}. Nothing is
 * allocated per step. Run {@code r} uses {@link RandomStreams#gaussian(long) gaussian(r)} for the Brownian
 * increments and {@link RandomStreams#general(long) general(r)} for the initial condition (so it starts from the
 * same {@code X_0}, {@code X*} as the simulator's run {@code r}); {@link #runMany} returns runs in index order, so
 * results do not depend on the thread count (bitwise per kernel provider and vector shape, as for the simulator).
 *
 * <p><b>Fluctuations differ from SGD's</b> (<b>derived here</b>, least squares, {@code K = I}, {@code omega = 0}):
 * both are {@code O(d^-1/2)}, but with different constants. With {@code P = |X - X*|^2}, Itô's formula for the SDE
 * gives {@code dP = -(2 gamma - gamma^2) P dt + 2 gamma P d^(-1/2) dW}, so {@code Var ln P(t) ~ 4 gamma^2 t/d},
 * while SGD's martingale increments give {@code 2 (2 gamma - gamma^2)^2 t/d} (sgd-ode.md N13): at {@code gamma = 1}
 * the HSGD standard deviation of the risk is {@code sqrt 2} times SGD's ({@code sd sqrt(d)} at {@code t = 1}:
 * {@code 2 R(1) = 0.37} versus {@code sqrt(2) R(1) = 0.26}; measured with {@code optdyn simulate} at
 * {@code d = 1024}, 2000 runs each: {@code 0.0115 sqrt(1024) = 0.368} versus {@code 0.0081 sqrt(1024) = 0.260}).
 * The dropped rank-one term does not move the means at leading order, but it does move the fluctuations.
 *
 * <p>Not supported: a custom {@link SimulationSpec#updateRule()} (an optimizer other than SGD has no homogenized
 * SDE here) — rejected with an {@link IllegalArgumentException}.
 */
public final class HomogenizedSgd {

    private HomogenizedSgd() {
    }

    /** Runs {@code runs} runs (indices {@code 0..runs-1}) with the default step {@code 1/d}. */
    public static List<Outcome<RunTrajectory>> runMany(SimulationSpec spec, long masterSeed, int runs, int threads) {
        return runMany(spec, new RandomStreams(masterSeed), runs, threads, defaultStep(spec), r -> { });
    }

    /**
     * Runs {@code runs} runs on {@code threads} threads with Euler–Maruyama step {@code step}, reporting each
     * finished run index to {@code done} (called from worker threads).
     *
     * @param step the SDE time step: {@code m/d} or {@code 1/(n d)} for integers {@code m, n >= 1} (so that the
     *             grid times {@code k/d} are step times; with {@code m > 1} every grid step must be a multiple of
     *             {@code m})
     * @return outcomes in run order
     */
    public static List<Outcome<RunTrajectory>> runMany(SimulationSpec spec, RandomStreams streams, int runs,
                                                       int threads, double step, IntConsumer done) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(streams, "streams");
        var stepping = Stepping.of(spec, step);
        return RunPool.runAll(runs, threads, done, r -> new Runner(spec, streams, r, stepping).execute());
    }

    /** Runs run number {@code run} with the default step {@code 1/d}. */
    public static Outcome<RunTrajectory> run(SimulationSpec spec, RandomStreams streams, int run) {
        return run(spec, streams, run, defaultStep(spec));
    }

    /** Runs run number {@code run} with Euler–Maruyama step {@code step} (see {@link #runMany}). */
    public static Outcome<RunTrajectory> run(SimulationSpec spec, RandomStreams streams, int run, double step) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(streams, "streams");
        if (run < 0) {
            throw new IllegalArgumentException("run must be >= 0, got " + run);
        }
        return new Runner(spec, streams, run, Stepping.of(spec, step)).execute();
    }

    /** @return {@code 1/d}, the default step (one SDE step per SGD step). */
    public static double defaultStep(SimulationSpec spec) {
        return 1.0 / Objects.requireNonNull(spec, "spec").covariance().dimension();
    }

    /**
     * The step {@code h = stride / (substeps d)}: {@code stride} SGD steps per SDE step, or {@code substeps} SDE
     * steps per SGD step (one of them is 1).
     */
    record Stepping(long stride, long substeps, double h) {

        static Stepping of(SimulationSpec spec, double step) {
            int d = spec.covariance().dimension();
            if (spec.updateRule() != null) {
                throw new IllegalArgumentException("updateRule: homogenized SGD supports plain SGD only, got a custom "
                        + "update rule");
            }
            if (!(step > 0) || !Double.isFinite(step)) {
                throw new IllegalArgumentException("step must be finite and > 0, got " + step);
            }
            double r = step * d;
            long m = Math.round(r);
            long n = Math.round(1 / r);
            Stepping s;
            if (m >= 1 && Math.abs(r - m) <= 1e-9 * r) {
                s = new Stepping(m, 1, (double) m / d);
            } else if (n >= 1 && Math.abs(1 / r - n) <= 1e-9 / r) {
                s = new Stepping(1, n, 1.0 / ((double) n * d));
            } else {
                throw new IllegalArgumentException("step must be m/d or 1/(n d) for integers m, n >= 1 (d = " + d
                        + "), got " + step);
            }
            if (s.stride > 1) {
                for (long k : spec.grid().steps()) {
                    if (k % s.stride != 0) {
                        throw new IllegalArgumentException("grid step " + k + " (t = " + (double) k / d
                                + ") is not a multiple of the " + s.stride + " SGD steps per SDE step = " + step);
                    }
                }
            }
            return s;
        }

        /** @return the SDE step index of SGD step {@code k} (a grid step). */
        long sdeIndex(long k) {
            return k / stride * substeps;
        }

        /** @return the SGD step of SDE step {@code j}, rounded up. */
        long sgdStep(long j) {
            return stride > 1 ? j * stride : (j + substeps - 1) / substeps;
        }
    }

    /** The per-run state: every buffer is allocated here, once. */
    private static final class Runner {
        private final SimulationSpec spec;
        private final int run;
        private final Stepping stepping;
        private final Covariance cov;
        private final int d;
        private final double[] lambda;
        private final double[] sqrtLambda;
        private final double[] xi;
        private final double[] xiTarget;
        private final double[] kxi;
        private final double[] kTarget;
        private final double[] z;
        private final GaussianStream gauss;
        private final long[] gridSteps;
        private final TrajectoryRecorder rec;
        private final PopulationTerms terms;
        private final double noise;
        private final DoubleKernels k = Kernels.doubles();

        Runner(SimulationSpec spec, RandomStreams streams, int run, Stepping stepping) {
            this.spec = spec;
            this.run = run;
            this.stepping = stepping;
            this.cov = spec.covariance();
            this.d = cov.dimension();
            this.lambda = cov.eigenvalues();
            this.sqrtLambda = new double[d];
            for (int i = 0; i < d; i++) {
                sqrtLambda[i] = Math.sqrt(lambda[i]);
            }
            double[] x = new double[d];
            double[] target = new double[d];
            spec.initialCondition().draw(cov, streams.general(run), x, target);
            this.xi = new double[d];
            this.xiTarget = new double[d];
            cov.toEigenbasis(x, xi);
            cov.toEigenbasis(target, xiTarget);
            this.kxi = cov.isIdentity() ? xi : new double[d];
            this.kTarget = new double[d];
            for (int i = 0; i < d; i++) {
                kTarget[i] = lambda[i] * xiTarget[i];
                if (kxi != xi) {
                    kxi[i] = lambda[i] * xi[i];
                }
            }
            this.z = new double[d];
            this.gauss = streams.gaussian(run);
            this.gridSteps = spec.grid().steps();
            this.rec = new TrajectoryRecorder(gridSteps.length, spec.recordOverlaps() ? d : 0);
            this.terms = PopulationTerms.of(spec.model());
            this.noise = spec.model().noiseSd();
        }

        Outcome<RunTrajectory> execute() {
            final long last = stepping.sdeIndex(gridSteps[gridSteps.length - 1]);
            final double h = stepping.h();
            final double invBatch = 1.0 / spec.batchSize();
            final LearningRateRule lrRule = spec.learningRate();
            final double lamBar = cov.meanEigenvalue();
            final double m2 = cov.meanSquaredEigenvalue();
            final double w2 = noise * noise;
            double acc = 0;
            double eta = 0;
            if (lrRule instanceof LearningRateRule.AdaGradNorm(double e, double b)) {
                acc = b * b;
                eta = e;
            }
            final double b22 = k.dot(kTarget, 0, xiTarget, 0, d);
            final double p0 = k.dot(kxi, 0, xi, 0, d) - 2 * k.dot(kxi, 0, xiTarget, 0, d) + b22;
            final double threshold = StreamingSimulator.DIVERGENCE_FACTOR * Math.max(p0, b22);
            long nextGrid = stepping.sdeIndex(gridSteps[0]);
            int gi = 0;
            for (long j = 0; ; j++) {
                // 1. B_j, the divergence proxy, and the population terms at B_j
                double b11 = k.dot(kxi, 0, xi, 0, d);
                double b12 = k.dot(kxi, 0, xiTarget, 0, d);
                double p = b11 - 2 * b12 + b22;
                if (!Double.isFinite(b11) || !Double.isFinite(b12)) {
                    return diverged(j, "non-finite overlap B11 = " + b11 + ", B12 = " + b12, gi);
                }
                terms.evaluate(b11, b12, b22);
                if (!Double.isFinite(terms.fisher) || !Double.isFinite(terms.h1) || !Double.isFinite(terms.h2)) {
                    return diverged(j, "non-finite population term I(B) = " + terms.fisher + " at B11 = " + b11, gi);
                }
                // 2. the learning rate of this step
                double t = j * h;
                double lr;
                switch (lrRule) {
                    case LearningRateRule.Constant c -> lr = c.gamma();
                    case LearningRateRule.Schedule s -> {
                        lr = s.gamma().applyAsDouble(t);
                        if (!(lr >= 0) || !Double.isFinite(lr)) {
                            throw new IllegalArgumentException("schedule returned " + lr + " at t = " + t);
                        }
                    }
                    case LearningRateRule.AdaGradNorm _ -> {
                        acc += lamBar * terms.fisher * h * invBatch;      // accumulator first (§8 step 4)
                        lr = eta / Math.sqrt(acc);
                    }
                    case LearningRateRule.ExactLineSearch _ -> {
                        double s2 = 0;
                        for (int i = 0; i < d; i++) {
                            double r = kxi[i] - kTarget[i];
                            s2 += r * r;
                        }
                        double risk = 0.5 * (Math.max(0, p) + w2);
                        lr = risk > 0 ? s2 / (2 * m2 * risk) : 0;
                    }
                    case LearningRateRule.Polyak _ -> {
                        double risk = 0.5 * (Math.max(0, p) + w2);
                        lr = risk > 0 ? (2 * risk - w2) / (2 * lamBar * risk) : 0;
                    }
                }
                // 3. record X_j and gamma_j
                if (j == nextGrid) {
                    if (!record(gi, b11, b12, b22, lr)) {
                        return diverged(j, "non-finite observable at a record", gi);
                    }
                    if (!(p <= threshold)) {
                        return diverged(j, "risk proxy (X-X*)^T K (X-X*) = " + p + " > " + threshold, gi + 1);
                    }
                    gi++;
                    if (j == last) {
                        return new Outcome.Completed<>(recorded(gi));
                    }
                    nextGrid = stepping.sdeIndex(gridSteps[gi]);
                } else if (!(p <= threshold)) {
                    return diverged(j, "risk proxy (X-X*)^T K (X-X*) = " + p + " > " + threshold, gi);
                }
                // 4. the Euler–Maruyama step
                double drift1 = -2 * lr * h * terms.h1;
                double drift2 = -2 * lr * h * terms.h2;
                double diffusion = lr * Math.sqrt(terms.fisher * h * invBatch / d);
                if (kxi == xi) {                              // K = I
                    gauss.fill(z, 0, d);
                    k.scaleInPlace(1 + drift1, xi, 0, d);
                } else {
                    gauss.fillScaled(sqrtLambda, z, d);
                    k.axpyInPlace(drift1, kxi, 0, xi, 0, d);
                }
                k.axpyInPlace(drift2, kTarget, 0, xi, 0, d);
                k.axpyInPlace(diffusion, z, 0, xi, 0, d);
                if (kxi != xi) {
                    for (int i = 0; i < d; i++) {
                        kxi[i] = lambda[i] * xi[i];
                    }
                }
            }
        }

        private Outcome<RunTrajectory> diverged(long j, String reason, int records) {
            long step = stepping.sgdStep(j);
            return new Outcome.Diverged<>(step, j * stepping.h(), reason, recorded(records));
        }

        /** @return this run with its first {@code records} records. */
        private RunTrajectory recorded(int records) {
            return new RunTrajectory(run, rec.trajectory(records, gridSteps, d, xiTarget));
        }

        /** Records X_j from the eigen-coordinates; @return false if an observable is non-finite. */
        private boolean record(int gi, double b11, double b12, double b22, double lr) {
            double dist2 = 0;
            double norm2 = 0;
            for (int i = 0; i < d; i++) {
                double r = xi[i] - xiTarget[i];
                dist2 += r * r;
                norm2 += xi[i] * xi[i];
            }
            rec.store(gi, lr, b11, b12, b22, dist2, norm2, xi, xiTarget);
            return Double.isFinite(dist2) && Double.isFinite(norm2) && Double.isFinite(lr);
        }
    }
}
