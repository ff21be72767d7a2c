package org.optdyn.theory.dmft;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.optdyn.engine.erm.ErmLoss;
import org.optdyn.engine.erm.ErmProblem;
import org.optdyn.engine.erm.ErmSimulator;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.random.GaussianStream;
import org.optdyn.engine.random.RandomStreams;
import org.optdyn.engine.stream.RunPool;

/**
 * The DMFT of a general loss by Monte Carlo (dmft.md §4): the parameter side stays exact ({@link ParameterSide},
 * dmft.md §2.2, the same code as {@link SquareLossDmft}); the sample-side effective process of dmft.md §2.1 is sampled
 * with {@code M} independent paths, and one causal forward sweep over {@code t = 0..T} solves the equations.
 *
 * <p><b>Sample side</b> (dmft.md §2.1, §4). Each path draws {@code W_0..W_{T+1} ~ N(0,1)}, {@code eps ~ N(0,1)} and
 * selections {@code s^t ~ Bernoulli(b)}; {@code L} is the Cholesky factor of {@code Cov(r*, u^0..u^T)}
 * ({@code E r*^2 = rho_phi}, {@code E u^t r* = m(t)}, {@code E u^t u^s = C(t,s)}), built one row per step (a squared
 * pivot below {@code 1e-12} is taken as 0, e.g. {@code u^0 = 0} when {@code theta^0 = 0}), so that
 * {@code r* = L_00 W_0}, {@code u^t = sum_i L_{t+1,i} W_i}, {@code y = f(r*, sigma eps)} and, at step {@code t},
 * <pre>
 *   r^t = u^t + sum_{tau<t} R_q(t,tau) g^tau,   g^t = kappa_b s^t l'(r^t; y),   h^t = kappa_b s^t l''(r^t; y)
 *   G(t,s) = h^s sum_{s<tau<=t} R_q(tau,s) G(t,tau)  (s < t),   G(t,t) = h^t
 *   D(t)   = h^t sum_{tau<t} R_q(t,tau) D(tau) + kappa_b s^t (d/dy l')(r^t; y) df/dr*
 *   A(t,s) = mean G(t,s),  Gamma = alpha A,  C_g(t,s) = mean g^t g^s,  mu(t) = alpha mean D(t),
 *   L_train(t) = mean l(r^t; y)   (at the query point, dmft.md §5)
 * </pre>
 * The response {@code G(t, .)} is the forward recursion of §2.1 ({@code G(t,s) = h^t [delta_ts + sum_{s<=tau<t}
 * R_q(t,tau) G(tau,s)]}) read backwards from {@code t}: both give the derivative of {@code g^t} with respect to a
 * field added to {@code r^s}, but the backward form needs only the per-path {@code h^tau}, {@code O(M T)} memory instead
 * of {@code O(M T^2)}, at the same {@code O(M T^3)} cost. If the label is not differentiable in {@code r*}
 * ({@link ErmLoss#labelDifferentiable()}, e.g. the logistic loss's {@code sign}), {@code E D(t)} is taken by Gaussian
 * integration by parts (dmft.md §2.1, the Stein form): with {@code v = r* - E[r* | u^0..u^t]} and
 * {@code tau_v^2 = E v^2}, {@code E D(t) = E[v g^t] / tau_v^2}. The residual is exact in the coordinates
 * {@code W}: {@code v = nu . W}, {@code nu} the component of {@code (L_00, 0, ...)} orthogonal to the rows
 * {@code L_{1..t+1}} (modified Gram-Schmidt, twice, one row per step; {@code mu(t) = 0} if {@code tau_v^2} vanishes,
 * i.e. if {@code r*} is a function of the fields).
 *
 * <p><b>Observables.</b> {@code m} and {@code q} at {@code theta^t} come from the exact parameter side given the
 * sampled kernels; the test loss is {@code (q - 2m + rho_phi + sigma^2)/2} for the square loss and, for the logistic
 * loss, the classification test error {@code arccos(m / sqrt(q (rho_phi + sigma^2)))/pi} of dmft.md §4 (the same
 * function as {@link ErmSimulator#testError}).
 *
 * <p><b>Standard errors</b> (see {@link MonteCarloDmftSolution}). One sweep reports the per-path standard error of the
 * training loss only. The kernels of a sweep are themselves sample means that feed back into every later step, so
 * the per-path error of a later observable is not its full error, and batches within one sweep share those kernels;
 * the sound estimator used here is therefore {@code R} independent sweeps ({@link #solveReplicated}) with
 * independent streams: their mean, and the sample sd over {@code sqrt(R)} of every observable (for a tolerance use a
 * Student-t quantile with {@code R - 1} degrees of freedom). Each sweep's kernels are means of {@code M} paths that
 * enter the next steps nonlinearly, so a sweep has an {@code O(1/M)} bias, below its {@code O(1/sqrt(M))} error.
 *
 * <p><b>Random streams.</b> Paths are grouped in blocks of {@value #BLOCK}; block {@code k} of stream family
 * {@code S} draws {@code W_0}, {@code eps} and then {@code W_{t+1}} at step {@code t} from
 * {@code S.child(k).gaussian(0)} and its selections (one uniform per path and step, none when {@code b = 1}) from
 * {@code S.child(k).general(0)}. {@link #solve} uses {@code S = RandomStreams(seed)}; replicate {@code r} of
 * {@link #solveReplicated} uses {@code RandomStreams(seed).child(r)}. Results do not depend on the thread count.
 *
 * <p><b>Cost.</b> {@code O(M T^3)} time (the backward response), {@code O(M T)} memory: about {@code 4 (T + 2) M}
 * doubles. The per-step loops over paths run over plain arrays of one block and allocate nothing.
 *
 * <p><b>Divergence</b> is a result, as in {@link SquareLossDmft}: a non-finite observable, or a loss above
 * {@value SquareLossDmft#DIVERGENCE_FACTOR} times its initial value, stops the sweep with {@link Outcome.Diverged}
 * carrying the steps before it.
 */
public final class MonteCarloDmft {

    /** Paths per block: the unit of the random streams (fixed, so results depend only on the seed and M). */
    public static final int BLOCK = 2048;

    /** A squared Cholesky pivot below this is taken as 0 (dmft.md §4). */
    static final double PIVOT = 1e-12;

    /** How the sample side is sampled; the variants other than {@link #STANDARD} exist for the tests. */
    enum Variant {
        /** dmft.md §4: direct derivative of the label when it exists, Stein form otherwise. */
        STANDARD,
        /** The Stein form for the teacher drift even when the label is differentiable. */
        STEIN,
        /** Sabotage: the memory term {@code sum R_q g} dropped from {@code r^t}. */
        NO_MEMORY
    }

    private MonteCarloDmft() {
    }

    /**
     * One forward sweep with {@code samples} paths from the streams of {@code RandomStreams(seed)}.
     *
     * @param problem the problem (any {@link ErmLoss})
     * @param samples the number of paths {@code M >= 2}
     * @param seed    the master seed
     * @return the solution at steps {@code 0..T} with the per-path standard error of the training loss, or its
     *         divergence with the steps before it
     * @throws IllegalArgumentException naming a bad argument, or if the paths cannot fit in half the heap
     */
    public static Outcome<MonteCarloDmftSolution> solve(ErmProblem problem, int samples, long seed) {
        check(problem, samples, 1);
        return sweep(problem, samples, new RandomStreams(seed), Variant.STANDARD);
    }

    /**
     * {@code replicates} independent sweeps of {@code samples} paths each (replicate {@code r} from
     * {@code RandomStreams(seed).child(r)}), run on {@code threads} workers: the mean of every observable per step and
     * its between-replicate standard error {@code sd / sqrt(R)}. The result does not depend on {@code threads}.
     *
     * @return the mean solution with standard errors, or, if a replicate diverged, a divergence at the first
     *         diverged replicate's step carrying the mean over the steps every replicate reached
     * @throws IllegalArgumentException naming a bad argument ({@code samples >= 2}, {@code replicates >= 2},
     *                                  {@code threads >= 1}), or if the paths in flight cannot fit in half the heap
     */
    public static Outcome<MonteCarloDmftSolution> solveReplicated(ErmProblem problem, int samples, long seed,
                                                                  int replicates, int threads) {
        return solveReplicated(problem, samples, seed, replicates, threads, Variant.STANDARD);
    }

    /** {@link #solveReplicated} with a test variant of the sample side. */
    static Outcome<MonteCarloDmftSolution> solveReplicated(ErmProblem problem, int samples, long seed,
                                                           int replicates, int threads, Variant variant) {
        if (replicates < 2) {
            throw new IllegalArgumentException("replicates must be >= 2 (a standard error needs two), got "
                    + replicates);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        check(problem, samples, Math.min(threads, replicates));
        var root = new RandomStreams(seed);
        List<Outcome<MonteCarloDmftSolution>> runs = RunPool.runAll(replicates, threads, r -> { },
                r -> sweep(problem, samples, root.child(r), variant));
        return combine(problem, samples, runs);
    }

    /** One sweep; package-private for the tests' variants. */
    static Outcome<MonteCarloDmftSolution> sweep(ErmProblem problem, int samples, RandomStreams streams,
                                                 Variant variant) {
        return new Sweep(problem, samples, streams, variant).run();
    }

    private static void check(ErmProblem problem, int samples, int inFlight) {
        Objects.requireNonNull(problem, "problem");
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be >= 2, got " + samples);
        }
        long doubles = 4L * (problem.steps() + 2L) * samples + ParameterSide.kernelDoubles(problem);
        long bytes = 8L * doubles * inFlight;
        long half = Runtime.getRuntime().maxMemory() / 2;
        if (bytes > half) {
            throw new IllegalArgumentException("samples = " + samples + ", steps = " + problem.steps() + ": "
                    + inFlight + " sweep(s) of about 4 (T + 2) M doubles need " + (bytes >> 20)
                    + " MiB, more than half the heap (" + (half >> 20) + " MiB)");
        }
    }

    /** Mean and {@code sd / sqrt(R)} over the replicates, on the steps every replicate reached. */
    private static Outcome<MonteCarloDmftSolution> combine(ErmProblem problem, int samples,
                                                           List<Outcome<MonteCarloDmftSolution>> runs) {
        int reps = runs.size();
        int rows = runs.stream().mapToInt(o -> o.value().size()).min().orElseThrow();
        double[][] mean = new double[4][rows];
        double[][] se = new double[4][rows];
        double[][][] values = new double[reps][][];
        for (int r = 0; r < reps; r++) {
            DmftSolution s = runs.get(r).value().solution();
            values[r] = new double[][] {s.m(), s.q(), s.trainLoss(), s.testLoss()};
        }
        for (int k = 0; k < 4; k++) {
            for (int t = 0; t < rows; t++) {
                double sum = 0;
                for (int r = 0; r < reps; r++) {
                    sum += values[r][k][t];
                }
                double mk = sum / reps;
                double ss = 0;
                for (int r = 0; r < reps; r++) {
                    double e = values[r][k][t] - mk;
                    ss += e * e;
                }
                mean[k][t] = mk;
                se[k][t] = Math.sqrt(ss / (reps - 1) / reps);
            }
        }
        DmftKernels kernels = runs.getFirst().value().solution().kernels();
        var solution = new MonteCarloDmftSolution(new DmftSolution(problem, mean[0], mean[1], mean[2], mean[3],
                kernels), se[0], se[1], se[2], se[3], samples, reps);
        for (int r = 0; r < reps; r++) {
            if (runs.get(r) instanceof Outcome.Diverged<MonteCarloDmftSolution> d) {
                return new Outcome.Diverged<>(d.step(), "replicate " + r + ": " + d.reason(), solution);
            }
        }
        return new Outcome.Completed<>(solution);
    }

    /** The paths of one block: their Gaussian coordinates and per-step values, and their random streams. */
    private static final class Block {
        final int len;
        final GaussianStream gauss;
        final RandomGenerator selections;
        /** {@code W_0..W_{T+1}}; row {@code i + 1} is drawn at step {@code i}. */
        final double[][] w;
        final double[] rStar;
        final double[] y;
        /** {@code df/dr*} per path (direct teacher drift only). */
        final double[] slope;
        /** {@code g^t} per step. */
        final double[][] g;
        /** {@code h^t = kappa_b s^t l''(r^t; y)} per step. */
        final double[][] h;
        /** {@code D(t)} per step (direct teacher drift only). */
        final double[][] d;

        Block(int len, int steps, RandomStreams streams, boolean direct) {
            this.len = len;
            this.gauss = streams.gaussian(0);
            this.selections = streams.general(0);
            w = new double[steps + 2][len];
            rStar = new double[len];
            y = new double[len];
            slope = direct ? new double[len] : null;
            g = new double[steps + 1][len];
            h = new double[steps + 1][len];
            d = direct ? new double[steps + 1][len] : null;
        }
    }

    /** The state of one forward sweep. */
    private static final class Sweep {
        private final ErmProblem p;
        private final ParameterSide ps;
        private final ErmLoss loss;
        private final Variant variant;
        private final boolean direct;
        private final int steps;
        private final int samples;
        private final double alpha;
        private final double b;
        private final double kappa;
        private final double rhoPhi;
        private final double sigma;
        private final double sigma2;
        private final boolean square;
        private final Block[] blocks;
        /** Cholesky factor of Cov(r*, u^0..u^T), row {@code i} has length {@code i + 1}. */
        private final double[][] chol;
        /** Orthonormal basis of span(L_1..L_{t+1}) in W-coordinates (Stein form), and its size. */
        private final double[][] basis;
        private int basisSize;
        /** The residual direction {@code nu} of r* (Stein form). */
        private final double[] nu;
        // per-step accumulators and scratch (one block)
        private final double[] aSum;
        private final double[] cgSum;
        private final double[][] beta;
        private final double[] r;
        private final double[] v;
        private final double[] orth;
        private final double[] pair = new double[2];
        // observables
        private final double[] train;
        private final double[] trainSe;
        private final double[] test;

        Sweep(ErmProblem p, int samples, RandomStreams streams, Variant variant) {
            this.p = p;
            this.ps = new ParameterSide(p);
            this.loss = p.loss();
            this.variant = variant;
            this.direct = variant != Variant.STEIN && loss.labelDifferentiable();
            this.steps = p.steps();
            this.samples = samples;
            this.alpha = p.alpha();
            this.b = p.batchFraction();
            this.kappa = p.kappa();
            this.rhoPhi = p.teacherPreactivationMoment();
            this.sigma = p.labelNoise();
            this.sigma2 = sigma * sigma;
            this.square = loss instanceof ErmLoss.Square;
            int nBlocks = (samples + BLOCK - 1) / BLOCK;
            blocks = new Block[nBlocks];
            for (int k = 0; k < nBlocks; k++) {
                int len = Math.min(BLOCK, samples - k * BLOCK);
                blocks[k] = new Block(len, steps, streams.child(k), direct);
            }
            chol = new double[steps + 2][];
            basis = new double[steps + 1][];
            nu = new double[steps + 2];
            int n = steps + 1;
            aSum = new double[n];
            cgSum = new double[n];
            beta = new double[n][Math.min(BLOCK, samples)];
            r = new double[Math.min(BLOCK, samples)];
            v = new double[Math.min(BLOCK, samples)];
            orth = new double[steps + 2];
            train = new double[n];
            trainSe = new double[n];
            test = new double[n];
        }

        Outcome<MonteCarloDmftSolution> run() {
            start();
            double initial = 0;
            for (int t = 0; t <= steps; t++) {
                ps.prepare(t);
                choleskyRow(t);
                if (!direct) {
                    residual(t);
                }
                double lossSum = 0;
                double lossSq = 0;
                double vgSum = 0;
                double dSum = 0;
                Arrays.fill(aSum, 0, t + 1, 0);
                Arrays.fill(cgSum, 0, t + 1, 0);
                for (Block blk : blocks) {
                    blk.gauss.fill(blk.w[t + 1], 0, blk.len);
                    fields(blk, t);
                    double[] sums = pathStep(blk, t);
                    lossSum += sums[0];
                    lossSq += sums[1];
                    if (direct) {
                        dSum += teacherDrift(blk, t);
                    } else {
                        vgSum += stein(blk, t);
                    }
                    gradientCovariance(blk, t);
                    response(blk, t);
                }
                double[] aRow = new double[t + 1];
                double[] cgRow = new double[steps + 1];
                for (int s = 0; s <= t; s++) {
                    aRow[s] = aSum[s] / samples;
                    cgRow[s] = cgSum[s] / samples;
                }
                double mu;
                if (direct) {
                    mu = alpha * dSum / samples;
                } else {
                    double tau2 = 0;
                    for (int i = 0; i <= t + 1; i++) {
                        tau2 += nu[i] * nu[i];
                    }
                    mu = tau2 > PIVOT * rhoPhi ? alpha * vgSum / samples / tau2 : 0;
                }
                ps.setSampleKernels(t, aRow, cgRow, mu);
                double mean = lossSum / samples;
                train[t] = mean;
                trainSe[t] = Math.sqrt(Math.max(0, (lossSq - lossSum * mean) / (samples - 1)) / samples);
                ps.observe(t);
                double m = ps.mTheta(t);
                double q = ps.qTheta(t);
                test[t] = square ? 0.5 * (q - 2 * m + rhoPhi + sigma2) : ErmSimulator.testError(m, q, rhoPhi + sigma2);
                if (t == 0) {
                    initial = Math.max(test[0], train[0]);
                }
                double worst = Math.max(test[t], train[t]);
                if (!Double.isFinite(worst) || !Double.isFinite(m) || !Double.isFinite(q)
                        || worst > SquareLossDmft.DIVERGENCE_FACTOR * initial) {
                    String reason = "loss " + worst + " at step " + t + " (initial " + initial + "): beyond "
                            + SquareLossDmft.DIVERGENCE_FACTOR + " times the initial loss; the step eta = "
                            + p.learningRate() + " exceeds the stability limit (dmft.md §8 step 6)";
                    return new Outcome.Diverged<>(t, reason, solution(t - 1));
                }
                if (t < steps) {
                    ps.advance(t);
                }
            }
            return new Outcome.Completed<>(solution(steps));
        }

        /** Row 0 of L ({@code r*}), and per path {@code W_0}, {@code eps}, {@code r*}, {@code y}, {@code df/dr*}. */
        private void start() {
            double l00 = Math.sqrt(rhoPhi);
            chol[0] = new double[] {l00};
            nu[0] = l00;
            for (Block blk : blocks) {
                blk.gauss.fill(blk.w[0], 0, blk.len);
                double[] eps = r;                  // scratch until the first step
                blk.gauss.fill(eps, 0, blk.len);
                for (int j = 0; j < blk.len; j++) {
                    double rs = l00 * blk.w[0][j];
                    double noise = sigma * eps[j];
                    blk.rStar[j] = rs;
                    blk.y[j] = loss.label(rs, noise);
                    if (direct) {
                        blk.slope[j] = loss.labelSlope(rs, noise);
                    }
                }
            }
        }

        /** Row {@code t + 1} of the Cholesky factor of Cov(r*, u^0..u^T), from {@code m(t)} and {@code C(t, .)}. */
        private void choleskyRow(int t) {
            int i = t + 1;
            double[] ct = ps.c(t);
            double[] row = new double[i + 1];
            for (int j = 0; j < i; j++) {
                double kij = j == 0 ? ps.m(t) : ct[j - 1];
                double[] lj = chol[j];
                double s = kij;
                for (int k = 0; k < j; k++) {
                    s -= row[k] * lj[k];
                }
                row[j] = lj[j] > 0 ? s / lj[j] : 0;
            }
            double pivot = ct[t];
            for (int k = 0; k < i; k++) {
                pivot -= row[k] * row[k];
            }
            row[i] = pivot < PIVOT ? 0 : Math.sqrt(pivot);
            chol[i] = row;
        }

        /**
         * Stein form: adds row {@code t + 1} of L to the orthonormal basis (modified Gram-Schmidt, twice) and removes
         * its direction from {@code nu}, the W-coordinates of {@code r* - E[r* | u^0..u^t]}.
         */
        private void residual(int t) {
            int n = t + 2;
            double[] row = chol[t + 1];
            double norm0 = 0;
            for (int i = 0; i < n; i++) {
                orth[i] = row[i];
                norm0 += row[i] * row[i];
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < basisSize; k++) {
                    double[] e = basis[k];
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += e[i] * orth[i];
                    }
                    for (int i = 0; i < n; i++) {
                        orth[i] -= dot * e[i];
                    }
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += orth[i] * orth[i];
            }
            if (norm <= PIVOT * norm0 || norm == 0) {
                return;                               // u^t lies in the span of the earlier fields
            }
            double[] e = new double[steps + 2];
            double inv = 1 / Math.sqrt(norm);
            double dot = 0;
            for (int i = 0; i < n; i++) {
                e[i] = orth[i] * inv;
                dot += e[i] * nu[i];
            }
            for (int i = 0; i < n; i++) {
                nu[i] -= dot * e[i];
            }
            basis[basisSize++] = e;
        }

        /** {@code r[j] = u^t + sum_{tau<t} R_q(t,tau) g^tau} for the block's paths. */
        private void fields(Block blk, int t) {
            Arrays.fill(r, 0, blk.len, 0);
            addCombination(chol[t + 1], t + 2, blk.w, r, blk.len);
            if (variant != Variant.NO_MEMORY) {
                addCombination(ps.rq(t), t, blk.g, r, blk.len);
            }
        }

        /**
         * Selections, {@code g^t}, {@code h^t}, the training loss and (direct teacher drift) the label part
         * {@code kappa_b s^t (d/dy l') df/dr*} of {@code D(t)} for the block's paths at step t.
         *
         * @return {@code {sum l, sum l^2}} over the block, in a reused two-element array
         */
        private double[] pathStep(Block blk, int t) {
            int len = blk.len;
            double[] rr = r;
            double[] y = blk.y;
            double[] gt = blk.g[t];
            double[] ht = blk.h[t];
            double[] dt = direct ? blk.d[t] : null;
            RandomGenerator sel = blk.selections;
            boolean all = b >= 1;
            double sum = 0;
            double sq = 0;
            for (int j = 0; j < len; j++) {
                double rj = rr[j];
                double yj = y[j];
                double l = loss.value(rj, yj);
                sum += l;
                sq += l * l;
                boolean picked = all || sel.nextDouble() < b;
                gt[j] = picked ? kappa * loss.derivative(rj, yj) : 0;
                ht[j] = picked ? kappa * loss.secondDerivative(rj, yj) : 0;
                if (dt != null) {
                    dt[j] = picked ? kappa * loss.labelDerivative(rj, yj) * blk.slope[j] : 0;
                }
            }
            pair[0] = sum;
            pair[1] = sq;
            return pair;
        }

        /**
         * Direct teacher drift: {@code D(t) = h^t sum_{tau<t} R_q(t,tau) D(tau) + (label part, from
         * {@link #pathStep})}.
         *
         * @return {@code sum D(t)} over the block
         */
        private double teacherDrift(Block blk, int t) {
            int len = blk.len;
            double[] mem = v;
            Arrays.fill(mem, 0, len, 0);
            addCombination(ps.rq(t), t, blk.d, mem, len);
            double[] ht = blk.h[t];
            double[] dt = blk.d[t];
            double sum = 0;
            for (int j = 0; j < len; j++) {
                double x = dt[j] + ht[j] * mem[j];
                dt[j] = x;
                sum += x;
            }
            return sum;
        }

        /** @return {@code sum v g^t} over the block, {@code v = nu . W} (Stein form) */
        private double stein(Block blk, int t) {
            int len = blk.len;
            double[] vv = v;
            Arrays.fill(vv, 0, len, 0);
            addCombination(nu, t + 2, blk.w, vv, len);
            double[] gt = blk.g[t];
            double sum = 0;
            for (int j = 0; j < len; j++) {
                sum += vv[j] * gt[j];
            }
            return sum;
        }

        /**
         * {@code out[j] += sum_{i<count} coef[i] rows[i][j]} for {@code j < len}, skipping zero coefficients (a zero
         * Cholesky pivot, or a response that vanishes): the per-path linear combinations of the sweep.
         */
        private static void addCombination(double[] coef, int count, double[][] rows, double[] out, int len) {
            for (int i = 0; i < count; i++) {
                double c = coef[i];
                if (c == 0) {
                    continue;
                }
                double[] row = rows[i];
                for (int j = 0; j < len; j++) {
                    out[j] += c * row[j];
                }
            }
        }

        /** Adds {@code sum g^t g^s} over the block to {@code cgSum[s]}, {@code s <= t}. */
        private void gradientCovariance(Block blk, int t) {
            int len = blk.len;
            double[] gt = blk.g[t];
            for (int s = 0; s <= t; s++) {
                double[] gs = blk.g[s];
                double sum = 0;
                for (int j = 0; j < len; j++) {
                    sum += gt[j] * gs[j];
                }
                cgSum[s] += sum;
            }
        }

        /**
         * The backward response: {@code G(t,t) = h^t}, {@code G(t,s) = h^s sum_{s<tau<=t} R_q(tau,s) G(t,tau)}; adds
         * {@code sum G(t,s)} over the block to {@code aSum[s]}.
         */
        private void response(Block blk, int t) {
            int len = blk.len;
            double[] ht = blk.h[t];
            double top = 0;
            for (int j = 0; j < len; j++) {
                top += ht[j];
            }
            aSum[t] += top;
            for (int s = t - 1; s >= 0; s--) {
                double[] bs = beta[s];
                Arrays.fill(bs, 0, len, 0);
                for (int tau = s + 1; tau <= t; tau++) {
                    double c = ps.rq(tau)[s];
                    if (c == 0) {
                        continue;
                    }
                    double[] gtau = tau == t ? ht : beta[tau];
                    for (int j = 0; j < len; j++) {
                        bs[j] += c * gtau[j];
                    }
                }
                double[] hs = blk.h[s];
                double sum = 0;
                for (int j = 0; j < len; j++) {
                    double x = hs[j] * bs[j];
                    bs[j] = x;
                    sum += x;
                }
                aSum[s] += sum;
            }
        }

        private MonteCarloDmftSolution solution(int last) {
            int n = last + 1;
            var sol = new DmftSolution(p, ps.mThetaHead(n), ps.qThetaHead(n), Arrays.copyOf(train, n),
                    Arrays.copyOf(test, n), ps.kernels(last));
            double[] nan = new double[n];
            Arrays.fill(nan, Double.NaN);
            return new MonteCarloDmftSolution(sol, nan, nan.clone(), Arrays.copyOf(trainSe, n), nan.clone(), samples,
                    1);
        }
    }
}
