package org.optdyn.engine.stream;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.optdyn.engine.kernel.DoubleKernels;
import org.optdyn.engine.kernel.Kernels;
import org.optdyn.engine.optim.DoubleUpdateRule;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.random.GaussianStream;
import org.optdyn.engine.random.RandomStreams;

/**
 * One-pass (streaming) SGD over fresh Gaussian samples, following the simulation protocol of sgd-ode.md §8:
 * per step, draw {@code a = U(sqrt(lambda) .* z)} and {@code eps = omega N(0,1)} (LS, PR), compute
 * {@code x = <a,X>}, {@code y = <a,X*>}, {@code f'(x, y, eps)}, update the learning rate by its rule (AdaGrad-Norm:
 * the accumulator first), record if {@code k} is on the grid, then step {@code X <- X - (g_k/d) f' a}
 * ([HL] eq. (3)). Records are taken at {@code k = 0} before any step; {@code g_k} is the rate of step
 * {@code k -> k+1}.
 *
 * <p><b>Divergence</b> (§8 step 8) is a result: the risk proxy {@code P(X) = (X-X*)^T K (X-X*)} (twice the excess
 * least-squares risk) is checked every {@code max(1, d/16)} steps with {@code U = I} (every {@code d} steps with a
 * rotation, where it costs {@code O(d^2)}) and at every record; {@code f'} is checked at every step. If a value is
 * non-finite or {@code P > 1e6 max(P(X_0), B_22)}, the run ends with {@link Outcome.Diverged}, carrying the step
 * and its time {@code step/d}.
 *
 * <p><b>Cost.</b> {@code O(d)} per sample with {@code U = I}: one SIMD Gaussian fill (scaled by
 * {@code sqrt(lambda)}), two dot products and an axpy; no allocation per step. Idealized line search and Polyak add
 * an {@code O(d)} pass per step.
 *
 * <p><b>Reproducibility.</b> Run {@code r} uses {@link RandomStreams#gaussian(long) gaussian(r)} for the data and
 * {@link RandomStreams#general(long) general(r)} for its initial condition; {@link #runMany} returns the runs in index
 * order, so results do not depend on the thread count. (The Vector API dot products may sum in a different order
 * from the scalar twins, so bitwise equality holds per kernel provider and vector shape.)
 */
public final class StreamingSimulator {

    /** Divergence threshold factor of §8 step 8. */
    public static final double DIVERGENCE_FACTOR = 1e6;

    private StreamingSimulator() {
    }

    /**
     * Runs {@code runs} independent runs, indices {@code 0..runs-1}, on {@code threads} worker threads.
     *
     * @return outcomes in run order
     */
    public static List<Outcome<RunTrajectory>> runMany(SimulationSpec spec, long masterSeed, int runs, int threads) {
        return runMany(spec, new RandomStreams(masterSeed), runs, threads, r -> { });
    }

    /**
     * As {@link #runMany(SimulationSpec, long, int, int)}, reporting each finished run index to {@code done}
     * (called from worker threads).
     */
    public static List<Outcome<RunTrajectory>> runMany(SimulationSpec spec, RandomStreams streams, int runs,
                                                       int threads, IntConsumer done) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(streams, "streams");
        return RunPool.runAll(runs, threads, done, r -> run(spec, streams, r));
    }

    /** Runs run number {@code run} of {@code spec} with the streams derived for that index. */
    public static Outcome<RunTrajectory> run(SimulationSpec spec, RandomStreams streams, int run) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(streams, "streams");
        if (run < 0) {
            throw new IllegalArgumentException("run must be >= 0, got " + run);
        }
        return new Runner(spec, streams, run).execute();
    }

    /** The per-run state: every buffer is allocated here, once. */
    private static final class Runner {
        private final SimulationSpec spec;
        private final int run;
        private final Covariance cov;
        private final int d;
        private final double[] lambda;
        private final double[] x;
        private final double[] target;
        private final double[] a;
        private final double[] work;
        private final double[] grad;
        private final double[] xi;
        private final double[] xiTarget;
        private final GaussianStream gauss;
        private final DoubleUpdateRule rule;
        private final long[] gridSteps;
        private final TrajectoryRecorder rec;
        private final double noise;
        private final DoubleKernels k = Kernels.doubles();

        Runner(SimulationSpec spec, RandomStreams streams, int run) {
            this.spec = spec;
            this.run = run;
            this.cov = spec.covariance();
            this.d = cov.dimension();
            this.lambda = cov.eigenvalues();
            this.x = new double[d];
            this.target = new double[d];
            spec.initialCondition().draw(cov, streams.general(run), x, target);
            this.a = new double[d];
            this.work = cov.isDiagonal() ? null : new double[d];
            this.grad = spec.batchSize() > 1 || spec.updateRule() != null ? new double[d] : null;
            this.xi = cov.isDiagonal() ? x : new double[d];
            this.xiTarget = new double[d];
            cov.toEigenbasis(target, xiTarget);
            this.gauss = streams.gaussian(run);
            if (spec.updateRule() != null) {
                this.rule = Objects.requireNonNull(spec.updateRule().apply(d), "updateRule produced null");
                if (rule.dimension() != d) {
                    throw new IllegalArgumentException("updateRule has dimension " + rule.dimension()
                            + " but d = " + d);
                }
            } else {
                this.rule = null;
            }
            this.gridSteps = spec.grid().steps();
            this.rec = new TrajectoryRecorder(gridSteps.length, spec.recordOverlaps() ? d : 0);
            this.noise = spec.model().noiseSd();
        }

        /** Eigen-coordinates of X into {@code xi} (a no-op alias when U = I). */
        private void refreshEigen() {
            if (!cov.isDiagonal()) {
                cov.toEigenbasis(x, xi);
            }
        }

        /** @return {@code (X-X*)^T K (X-X*)}, using {@code xi} (refreshed by the caller). */
        private double proxy() {
            double s = 0;
            for (int i = 0; i < d; i++) {
                double r = xi[i] - xiTarget[i];
                s += lambda[i] * r * r;
            }
            return s;
        }

        Outcome<RunTrajectory> execute() {
            final long n = gridSteps[gridSteps.length - 1];
            final int batch = spec.batchSize();
            final LabelModel model = spec.model();
            final LearningRateRule lrRule = spec.learningRate();
            final double lamBar = cov.meanEigenvalue();
            final double m2 = cov.meanSquaredEigenvalue();
            final boolean adagrad = lrRule instanceof LearningRateRule.AdaGradNorm;
            final double invD = 1.0 / d;
            double acc = 0;
            double eta = 0;
            if (lrRule instanceof LearningRateRule.AdaGradNorm(double e, double b)) {
                acc = b * b;
                eta = e;
            }
            refreshEigen();
            double b22 = 0;
            for (int i = 0; i < d; i++) {
                b22 += lambda[i] * xiTarget[i] * xiTarget[i];
            }
            final double threshold = DIVERGENCE_FACTOR * Math.max(proxy(), b22);
            final long checkEvery = cov.isDiagonal() ? Math.max(1, d / 16) : d;
            int gi = 0;
            for (long step = 0; ; step++) {
                // 1. the sample(s) and f'
                double fp = 0;
                double gradNorm2 = 0;
                if (batch == 1) {
                    cov.sample(gauss, work, a);
                    double eps = noise > 0 ? noise * gauss.nextGaussian() : 0;
                    double xd = k.dot(a, 0, x, 0, d);
                    double yd = k.dot(a, 0, target, 0, d);
                    fp = model.derivative(xd, yd, eps);
                    if (!Double.isFinite(fp)) {
                        return diverged(step, "non-finite loss derivative f' = " + fp + " at <a,X> = " + xd, gi);
                    }
                    if (adagrad) {
                        gradNorm2 = fp * fp * k.sumOfSquares(a, 0, d);
                    }
                    if (grad != null) {
                        for (int i = 0; i < d; i++) {
                            grad[i] = fp * a[i];
                        }
                    }
                } else {
                    Arrays.fill(grad, 0.0);
                    double invB = 1.0 / batch;
                    for (int bi = 0; bi < batch; bi++) {
                        cov.sample(gauss, work, a);
                        double eps = noise > 0 ? noise * gauss.nextGaussian() : 0;
                        double f = model.derivative(k.dot(a, 0, x, 0, d), k.dot(a, 0, target, 0, d), eps);
                        if (!Double.isFinite(f)) {
                            return diverged(step, "non-finite loss derivative f' = " + f, gi);
                        }
                        k.axpyInPlace(f * invB, a, 0, grad, 0, d);
                    }
                    gradNorm2 = k.sumOfSquares(grad, 0, d);
                }
                // 2. the learning rate of this step
                double lr;
                switch (lrRule) {
                    case LearningRateRule.Constant c -> lr = c.gamma();
                    case LearningRateRule.Schedule s -> {
                        lr = s.gamma().applyAsDouble(step * invD);
                        if (!(lr >= 0) || !Double.isFinite(lr)) {
                            throw new IllegalArgumentException("schedule returned " + lr + " at t = " + step * invD);
                        }
                    }
                    case LearningRateRule.AdaGradNorm _ -> {
                        acc += gradNorm2 * invD * invD;          // accumulator first (§8 step 4)
                        lr = eta / Math.sqrt(acc);
                    }
                    case LearningRateRule.ExactLineSearch _ -> {
                        refreshEigen();
                        double s1 = 0;
                        double s2 = 0;
                        for (int i = 0; i < d; i++) {
                            double r = xi[i] - xiTarget[i];
                            double lr2 = lambda[i] * r * r;
                            s1 += lr2;
                            s2 += lambda[i] * lr2;
                        }
                        double risk = 0.5 * (s1 + noise * noise);
                        lr = risk > 0 ? s2 / (2 * m2 * risk) : 0;
                    }
                    case LearningRateRule.Polyak _ -> {
                        refreshEigen();
                        double risk = 0.5 * (proxy() + noise * noise);
                        lr = risk > 0 ? (2 * risk - noise * noise) / (2 * lamBar * risk) : 0;
                    }
                }
                // 3. record X_k and g_k
                if (step == gridSteps[gi]) {
                    refreshEigen();
                    if (!record(gi, step, lr)) {
                        return diverged(step, "non-finite observable at a record", gi);
                    }
                    double p = proxy();
                    if (!(p <= threshold)) {
                        return diverged(step, "risk proxy (X-X*)^T K (X-X*) = " + p + " > " + threshold, gi + 1);
                    }
                    gi++;
                }
                if (step == n) {
                    return new Outcome.Completed<>(recorded(gi));
                }
                // 4. the step X <- X - (g/d) grad
                if (rule != null) {
                    rule.step(x, grad, lr * invD);
                } else if (batch == 1) {
                    k.axpyInPlace(-lr * invD * fp, a, 0, x, 0, d);
                } else {
                    k.axpyInPlace(-lr * invD, grad, 0, x, 0, d);
                }
                if ((step + 1) % checkEvery == 0) {
                    refreshEigen();
                    double p = proxy();
                    if (!(p <= threshold)) {
                        return diverged(step + 1, "risk proxy (X-X*)^T K (X-X*) = " + p + " > " + threshold, gi);
                    }
                }
            }
        }

        private Outcome<RunTrajectory> diverged(long step, String reason, int records) {
            return new Outcome.Diverged<>(step, (double) step / d, reason, recorded(records));
        }

        /** @return this run with its first {@code records} records. */
        private RunTrajectory recorded(int records) {
            return new RunTrajectory(run, rec.trajectory(records, gridSteps, d, xiTarget));
        }

        /** Records X_k ({@code xi} is current); @return false if an observable is non-finite. */
        private boolean record(int j, long step, double lr) {
            double b11 = 0;
            double b12 = 0;
            double b22 = 0;
            for (int i = 0; i < d; i++) {
                double l = lambda[i];
                b11 += l * xi[i] * xi[i];
                b12 += l * xi[i] * xiTarget[i];
                b22 += l * xiTarget[i] * xiTarget[i];
            }
            double dist2 = 0;
            double norm2 = 0;
            for (int i = 0; i < d; i++) {
                double r = x[i] - target[i];
                dist2 += r * r;
                norm2 += x[i] * x[i];
            }
            rec.store(j, lr, b11, b12, b22, dist2, norm2, xi, xiTarget);
            return Double.isFinite(b11) && Double.isFinite(b12) && Double.isFinite(dist2) && Double.isFinite(lr);
        }
    }
}
