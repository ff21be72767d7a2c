package org.optdyn.engine.dln;

import java.util.List;
import java.util.Objects;
import org.optdyn.engine.kernel.DoubleKernels;
import org.optdyn.engine.kernel.Kernels;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.random.GaussianStream;
import org.optdyn.engine.random.RandomStreams;
import org.optdyn.engine.stream.RunPool;
import org.optdyn.engine.stream.StepGrid;

/**
 * Streaming SGD on a diagonal linear network (diagonal-networks.md §1), one fresh Gaussian sample per step:
 * <pre>
 *   x_n = sqrt(k/d) (.) z_n,   y_n = &lt;x_n, beta&gt; + sigma xi_n,   e_n = &lt;x_n, theta_n&gt; - y_n
 *   product:  u &lt;- u - gamma e x (.) v,   v &lt;- v - gamma e x (.) u            (old u, v on the right)
 *   squares:  w+ &lt;- w+ (1 - 2 gamma e x),  w- &lt;- w- (1 + 2 gamma e x)         (theta = w+^2 - w-^2)
 * </pre>
 * recording the exact population observables ({@link DlnObservables}) at the steps nearest to the grid times
 * ({@code t = n/d}). A step costs {@code d} normals and three passes over {@code d} coordinates (the product dot, the
 * target dot and the fused update, on the SIMD kernels); the loop allocates nothing.
 *
 * <p>Streams: run {@code r} of master seed {@code s} draws its samples and label noise from
 * {@code RandomStreams(s).child(r).gaussian(0)}, so a run does not depend on the thread count or on the other runs.
 *
 * <p>Divergence (the finite-time blow-up at large {@code gamma}, diagonal-networks.md §9 N7) is a result: a residual
 * with {@code e^2 > 1e12 * 2 R(0)} (its mean is {@code 2R}), or a recorded observable that is non-finite or a risk
 * above {@code 1e12 R(0)}, stops the run with {@link Outcome.Diverged} carrying its step, its time {@code n/d} and the
 * records before it.
 */
public final class DlnSimulator {

    /** Blow-up factor over the initial risk. */
    static final double BLOW_UP = 1e12;

    private DlnSimulator() {
    }

    /**
     * @param run the run index, {@code >= 0}
     * @return run {@code run} of master seed {@code masterSeed}: its trajectory, or its divergence
     */
    public static Outcome<DlnTrajectory> run(DlnProblem problem, long masterSeed, int run) {
        Objects.requireNonNull(problem, "problem");
        if (run < 0) {
            throw new IllegalArgumentException("run must be >= 0, got " + run);
        }
        return simulate(problem, new RandomStreams(masterSeed).child(run).gaussian(0));
    }

    /**
     * @param runs    number of runs, {@code >= 1}
     * @param threads worker threads, {@code >= 1}; the result does not depend on it
     * @return runs {@code 0..runs-1} of {@link #run}, in index order
     */
    public static List<Outcome<DlnTrajectory>> runMany(DlnProblem problem, long masterSeed, int runs, int threads) {
        Objects.requireNonNull(problem, "problem");
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        }
        var root = new RandomStreams(masterSeed);
        return RunPool.runAll(runs, threads, r -> { }, r -> simulate(problem, root.child(r).gaussian(0)));
    }

    private static Outcome<DlnTrajectory> simulate(DlnProblem problem, GaussianStream g) {
        return new Run(problem).iterate(g);
    }

    /**
     * The exact discrete imbalance identity of diagonal-networks.md §1, checked along run {@code run}: every product
     * step maps {@code c_i = u_i^2 - v_i^2} to {@code c_i (1 - gamma^2 e^2 x_i^2)}. Returns the largest deviation
     * {@code |c_i' - c_i (1 - gamma^2 e^2 x_i^2)| / (u_i^2 + v_i^2)} over the first {@code steps} steps and all
     * coordinates ({@code u_i^2 + v_i^2} before the step is the size of the terms that cancel in {@code c_i}, so the
     * deviation is a few units of rounding when the identity holds).
     *
     * @param problem a problem in the {@link Parametrisation#PRODUCT} parametrisation
     * @param steps   steps to check, {@code >= 1}
     */
    public static double imbalanceIdentityError(DlnProblem problem, long masterSeed, int run, long steps) {
        Objects.requireNonNull(problem, "problem");
        if (problem.parametrisation() != Parametrisation.PRODUCT) {
            throw new IllegalArgumentException("the imbalance identity is checked in the product parametrisation, got "
                    + problem.parametrisation());
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        var r = new Run(problem);
        double[] worst = {0};
        r.iterateSteps(new RandomStreams(masterSeed).child(run).gaussian(0), steps, (u, v, x, e, uNew, vNew) -> {
            double g2e2 = problem.gamma() * problem.gamma() * e * e;
            for (int i = 0; i < u.length; i++) {
                double c = u[i] * u[i] - v[i] * v[i];
                double predicted = c * (1 - g2e2 * x[i] * x[i]);
                double actual = uNew[i] * uNew[i] - vNew[i] * vNew[i];
                double scale = u[i] * u[i] + v[i] * v[i];
                if (scale > 0) {
                    worst[0] = Math.max(worst[0], Math.abs(actual - predicted) / scale);
                }
            }
        });
        return worst[0];
    }

    /** Observer of single steps (the identity check): the state before, the sample, the residual, the state after. */
    @FunctionalInterface
    interface StepObserver {
        void step(double[] u, double[] v, double[] x, double e, double[] uNew, double[] vNew);
    }

    /** The state and buffers of one run. */
    private static final class Run {
        private final DlnProblem problem;
        private final DoubleKernels kern = Kernels.doubles();
        private final int d;
        private final double[] k;
        private final double[] beta;
        private final double[] scale;
        private final double[] a;
        private final double[] b;
        private final double[] x;
        private final boolean product;
        private final double gamma;
        private final double sigma;

        Run(DlnProblem problem) {
            this.problem = problem;
            DlnInstance inst = problem.instance();
            d = inst.dimension();
            k = inst.k();
            beta = inst.target();
            scale = new double[d];
            for (int i = 0; i < d; i++) {
                scale[i] = Math.sqrt(k[i] / d);
            }
            product = problem.parametrisation() == Parametrisation.PRODUCT;
            double[] u = inst.u0();
            double[] v = inst.v0();
            if (product) {
                a = u;
                b = v;
            } else {
                a = new double[d];
                b = new double[d];
                for (int i = 0; i < d; i++) {
                    a[i] = (u[i] + v[i]) / 2;
                    b[i] = (u[i] - v[i]) / 2;
                }
            }
            x = new double[d];
            gamma = problem.gamma();
            sigma = problem.sigma();
        }

        private DlnObservables observe() {
            return DlnObservables.of(problem.parametrisation(), k, beta, a, b, sigma);
        }

        /** One SGD step on a fresh sample; returns the residual {@code e}. */
        private double step(GaussianStream g) {
            g.fillScaled(scale, x, d);
            double noise = sigma * g.nextGaussian();
            double pre = product ? kern.productDot(x, a, b, d) : kern.productDot(x, a, a, d) - kern.productDot(x, b, b, d);
            double e = pre - kern.dot(x, 0, beta, 0, d) - noise;
            if (product) {
                kern.productStep(gamma * e, x, a, b, d);
            } else {
                kern.scaleByOnePlus(-2 * gamma * e, x, a, d);
                kern.scaleByOnePlus(2 * gamma * e, x, b, d);
            }
            return e;
        }

        void iterateSteps(GaussianStream g, long steps, StepObserver observer) {
            double[] uOld = new double[d];
            double[] vOld = new double[d];
            for (long n = 0; n < steps; n++) {
                System.arraycopy(a, 0, uOld, 0, d);
                System.arraycopy(b, 0, vOld, 0, d);
                double e = step(g);
                observer.step(uOld, vOld, x, e, a, b);
            }
        }

        Outcome<DlnTrajectory> iterate(GaussianStream g) {
            StepGrid grid = StepGrid.of(problem.grid(), d);
            long[] steps = grid.steps();
            double[] times = grid.times();
            int records = steps.length;
            double[][] obs = new double[5][records];
            DlnObservables initial = observe();
            put(obs, 0, initial);
            double r0 = Math.max(initial.risk(), Double.MIN_NORMAL);
            double residualLimit = BLOW_UP * 2 * r0;
            int next = 1;
            for (long n = 0; next < records; n++) {
                double e = step(g);
                if (!(e * e <= residualLimit)) {
                    return diverged(n + 1, "residual e = " + e + " at step " + (n + 1) + " (e^2 above 1e12 times 2 R(0) = "
                            + 2 * r0 + ")", times, obs, next);
                }
                if (n + 1 == steps[next]) {
                    DlnObservables o = observe();
                    if (!o.finite() || o.risk() > BLOW_UP * r0) {
                        return diverged(n + 1, "risk " + o.risk() + " at t = " + times[next] + " (above 1e12 times R(0) = "
                                + r0 + ", or an observable is not finite)", times, obs, next);
                    }
                    put(obs, next, o);
                    next++;
                }
            }
            return new Outcome.Completed<>(new DlnTrajectory(times, obs[0], obs[1], obs[2], obs[3], obs[4]));
        }

        private Outcome<DlnTrajectory> diverged(long step, String reason, double[] times, double[][] obs, int recorded) {
            var partial = new DlnTrajectory(times, obs[0], obs[1], obs[2], obs[3], obs[4]).head(recorded);
            return new Outcome.Diverged<>(step, (double) step / d, reason, partial);
        }

        private static void put(double[][] obs, int j, DlnObservables o) {
            obs[0][j] = o.risk();
            obs[1][j] = o.curvature();
            obs[2][j] = o.imbalance();
            obs[3][j] = o.l1();
            obs[4][j] = o.distance();
        }
    }
}
