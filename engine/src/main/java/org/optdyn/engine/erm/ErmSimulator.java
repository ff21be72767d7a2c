package org.optdyn.engine.erm;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.optdyn.engine.kernel.DoubleKernels;
import org.optdyn.engine.kernel.Kernels;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.random.GaussianStream;
import org.optdyn.engine.random.RandomStreams;
import org.optdyn.engine.stream.RunPool;

/**
 * The finite-d multi-pass simulation of an {@link ErmProblem} that the DMFT of dmft.md predicts (§8): run {@code r}
 * of master seed {@code S} draws its {@link ErmInstance} from {@code RandomStreams(S).child(r).gaussian(0)}, its
 * selections {@code s_mu^t ~ Bernoulli(b)} from the separate {@code child(r).child(1).general(0)} (one uniform per
 * sample and step, none when {@code b = 1}) and its Langevin noise from {@code child(r).child(2).gaussian(0)}, then
 * iterates dmft.md §1 exactly, with {@code p^t} the query point ({@code theta^t}, or Nesterov's
 * {@code theta^t + beta (theta^t - theta^{t-1})}):
 * <pre>
 *   theta^{t+1} = theta^t + beta (theta^t - theta^{t-1}) - eta [lambda p^t + kappa_b sum_mu s_mu^t x_mu l'(x_mu . p^t; y_mu)]
 *                 + sqrt(2 eta T_L) zeta^t,        theta^{-1} = theta^0
 * </pre>
 * and records {@link ErmTrajectory} at {@code t = 0..T}. Per step the two products {@code X p} (the dot kernel per
 * row) and {@code X^T (s kappa l')} (the axpy kernel over the selected rows) cost {@code 2 n d} multiply-adds (the
 * product {@code X p^T} of the last step, for its training loss, adds {@code n d}); the loop allocates nothing.
 *
 * <p>Divergence is a result: a non-finite observable, or a training or test loss above {@code 1e12} times the larger
 * of the two initial losses, stops the run with {@link Outcome.Diverged} at that step, carrying the rows before it.
 */
public final class ErmSimulator {

    /** Blow-up factor over the initial loss (dmft.md §8 step 6: report the divergence, not NaN curves). */
    static final double BLOW_UP = 1e12;

    private ErmSimulator() {
    }

    /**
     * @param problem    the problem
     * @param d          the dimension, {@code >= 1}
     * @param masterSeed the experiment's seed
     * @param run        the run index {@code >= 0}
     * @return run {@code run}'s trajectory, or its divergence with the rows before it
     * @throws IllegalArgumentException naming the bad argument and value
     */
    public static Outcome<ErmTrajectory> run(ErmProblem problem, int d, long masterSeed, int run) {
        checkSize(problem, d, 1);
        if (run < 0) {
            throw new IllegalArgumentException("run must be >= 0, got " + run);
        }
        return simulate(problem, d, new RandomStreams(masterSeed).child(run));
    }

    /**
     * @param threads the worker threads ({@code >= 1}); the result does not depend on it
     * @return runs {@code 0..runs-1} of {@link #run}, in index order
     * @throws IllegalArgumentException naming the bad argument and value, or when the data matrices of the runs in
     *                                  flight ({@code min(threads, runs) n d} doubles) exceed half the heap
     */
    public static List<Outcome<ErmTrajectory>> runMany(ErmProblem problem, int d, long masterSeed, int runs,
                                                       int threads) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        checkSize(problem, d, Math.min(threads, runs));
        var root = new RandomStreams(masterSeed);
        return RunPool.runAll(runs, threads, r -> { }, r -> simulate(problem, d, root.child(r)));
    }

    private static void checkSize(ErmProblem problem, int d, int inFlight) {
        Objects.requireNonNull(problem, "problem");
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        long n = ErmInstance.samples(problem, d);
        if (n < 1) {
            throw new IllegalArgumentException("d = " + d + " gives n = round(alpha d) = 0 samples (alpha = "
                    + problem.alpha() + ")");
        }
        long doubles = n * d;
        if (doubles > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("d = " + d + ": the data matrix has n d = " + doubles
                    + " entries, more than one Java array holds");
        }
        long bytes = doubles * Double.BYTES * inFlight;
        long half = Runtime.getRuntime().maxMemory() / 2;
        if (bytes > half) {
            throw new IllegalArgumentException("d = " + d + ": " + inFlight + " data matri" + (inFlight == 1 ? "x" : "ces")
                    + " of n x d = " + n + " x " + d + " doubles need " + (bytes >> 20) + " MiB, more than half the heap ("
                    + (half >> 20) + " MiB); use fewer threads, a smaller d or a larger -Xmx");
        }
    }

    private static Outcome<ErmTrajectory> simulate(ErmProblem problem, int d, RandomStreams streams) {
        ErmInstance inst = ErmInstance.draw(problem, d, streams.gaussian(0));
        RandomGenerator selections = streams.child(1).general(0);
        GaussianStream langevin = streams.child(2).gaussian(0);
        return iterate(problem, inst, selections, langevin);
    }

    /** The iteration of dmft.md §1 on one instance; package-private for the exact one-step tests. */
    static Outcome<ErmTrajectory> iterate(ErmProblem problem, ErmInstance inst, RandomGenerator selections,
                                          GaussianStream langevin) {
        DoubleKernels k = Kernels.doubles();
        ErmLoss loss = problem.loss();
        boolean square = loss instanceof ErmLoss.Square;
        int n = inst.n;
        int d = inst.d;
        int steps = problem.steps();
        double[] x = inst.x;
        double[] y = inst.y;
        double[] omega = inst.omega;
        double beta = problem.method().beta();
        boolean lookAhead = problem.method().lookAhead();
        double eta = problem.learningRate();
        double ridge = problem.ridge();
        double kappa = problem.kappa();
        double b = problem.batchFraction();
        double noiseScale = Math.sqrt(2 * eta * problem.langevinTemperature());
        double sigma2 = problem.labelNoise() * problem.labelNoise();

        double[] sigmaStar = new double[d];
        for (int i = 0; i < d; i++) {
            sigmaStar[i] = omega[i] * inst.thetaStar[i];
        }
        double pStar = k.dot(inst.thetaStar, 0, sigmaStar, 0, d) / d;
        // the instance's own label moment theta*.Sigma theta*/d + sigma^2 (as pStar in the square-loss test loss): the
        // test error of theta^t on fresh samples of this teacher, not of a teacher of population norm rho_phi (which
        // would add an O(d^-1/2) fluctuation of |theta*|^2/d to every run)
        double labelMoment = pStar + sigma2;
        double[] theta = inst.theta0.clone();
        double[] prev = inst.theta0.clone();
        double[] next = new double[d];
        double[] point = lookAhead ? new double[d] : theta;
        double[] grad = new double[d];
        double[] noise = noiseScale > 0 ? new double[d] : null;
        double[] r = new double[n];
        double[] mRow = new double[steps + 1];
        double[] qRow = new double[steps + 1];
        double[] train = new double[steps + 1];
        double[] test = new double[steps + 1];
        double limit = 0;

        for (int t = 0; ; t++) {
            if (lookAhead) {
                for (int i = 0; i < d; i++) {
                    point[i] = theta[i] + beta * (theta[i] - prev[i]);
                }
            } else {
                point = theta;
            }
            double trainLoss = 0;
            for (int mu = 0; mu < n; mu++) {
                double ri = k.dot(x, mu * d, point, 0, d);
                r[mu] = ri;
                trainLoss += loss.value(ri, y[mu]);
            }
            trainLoss /= n;
            double m = k.dot(theta, 0, sigmaStar, 0, d) / d;
            double q = 0;
            for (int i = 0; i < d; i++) {
                q += omega[i] * theta[i] * theta[i];
            }
            q /= d;
            double testLoss = square ? 0.5 * (q - 2 * m + pStar + sigma2) : testError(m, q, labelMoment);
            if (t == 0) {
                limit = BLOW_UP * Math.max(Double.MIN_NORMAL, Math.max(trainLoss, square ? testLoss : 0));
            }
            String blowUp = blowUp(m, q, trainLoss, testLoss, limit);
            if (blowUp != null) {
                var partial = new ErmTrajectory(mRow, qRow, train, test).head(t);
                return new Outcome.Diverged<>(t, blowUp, partial);
            }
            mRow[t] = m;
            qRow[t] = q;
            train[t] = trainLoss;
            test[t] = testLoss;
            if (t == steps) {
                return new Outcome.Completed<>(new ErmTrajectory(mRow, qRow, train, test));
            }

            Arrays.fill(grad, 0);
            for (int mu = 0; mu < n; mu++) {
                if (b < 1 && selections.nextDouble() >= b) {
                    continue;
                }
                double c = kappa * loss.derivative(r[mu], y[mu]);
                if (c != 0) {
                    k.axpyInPlace(c, x, mu * d, grad, 0, d);
                }
            }
            if (noise != null) {
                langevin.fill(noise);
            }
            for (int i = 0; i < d; i++) {
                double v = theta[i] + beta * (theta[i] - prev[i]) - eta * (ridge * point[i] + grad[i]);
                next[i] = noise == null ? v : v + noiseScale * noise[i];
            }
            double[] spare = prev;
            prev = theta;
            theta = next;
            next = spare;
        }
    }

    /**
     * The classification test error of a student with overlaps {@code m = theta . Sigma theta* / d} and
     * {@code q = theta . Sigma theta / d} on labels {@code sign(r* + sigma eps)} (dmft.md §4): the test
     * pre-activation and {@code r* + sigma eps} are jointly Gaussian, so the error is
     * {@code arccos(m / sqrt(q (rho_phi + sigma^2))) / pi}; 1/2 for {@code q = 0}. Shared with the Monte-Carlo DMFT.
     *
     * @param labelMoment the second moment of {@code r* + sigma eps}: {@code p* + sigma^2} with the instance's
     *                    {@code p* = theta* . Sigma theta* / d} (simulation), {@code rho_phi + sigma^2} in the limit (DMFT)
     */
    public static double testError(double m, double q, double labelMoment) {
        if (q <= 0) {
            return 0.5;
        }
        double c = m / Math.sqrt(q * labelMoment);
        return Math.acos(Math.max(-1, Math.min(1, c))) / Math.PI;
    }

    private static String blowUp(double m, double q, double train, double test, double limit) {
        if (!(Double.isFinite(m) && Double.isFinite(q) && Double.isFinite(train) && Double.isFinite(test))) {
            return "non-finite value (m = " + m + ", q = " + q + ", train loss = " + train + ", test loss = " + test
                    + ")";
        }
        if (train > limit || test > limit) {
            return "loss above 1e12 times its initial value (train loss = " + train + ", test loss = " + test + ")";
        }
        return null;
    }
}
