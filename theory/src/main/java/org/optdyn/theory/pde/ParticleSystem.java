package org.optdyn.theory.pde;

import org.optdyn.engine.dln.DlnInstance;
import org.optdyn.engine.dln.DlnObservables;
import org.optdyn.engine.dln.DlnProblem;
import org.optdyn.engine.dln.DlnTrajectory;
import org.optdyn.engine.dln.Parametrisation;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.random.GaussianStream;

/**
 * The Euler–Maruyama particle system shared by {@link ParticleSolver} and {@link SdeSolver} (diagonal-networks.md §2
 * and §4): particles {@code j < m} carry {@code (k_j, beta_j, a_j, b_j)}; one step of length {@code dt} is
 * <pre>
 *   R   = (1/(2m)) sum_j k_j (a_j b_j - beta_j)^2 + sigma^2/2            (the only coupling, before the update)
 *   A_j = gamma k_j (a_j b_j - beta_j) dt - gamma sqrt(2 R k_j dt) Z_j
 *   a_j &lt;- a_j - A_j b_j,   b_j &lt;- b_j - A_j a_j                         (old values on the right)
 *   I  += R dt
 * </pre>
 * One fused pass per step updates every particle and accumulates the {@code sum_j k_j delta_j^2} of the new state, so
 * the next {@code R} costs nothing; the normals are drawn in bulk by the SIMD Gaussian kernels, one L1-sized block at a
 * time. The pass is a plain loop: the SIMD {@code productStep} kernel would need the per-particle {@code A_j}
 * materialised first (three passes instead of one), and splitting the pass into a vectorizable update plus the SIMD
 * {@code sumOfSquares} kernel on an L1 buffer measured slower (4.6 and 5.2 ns per particle-step at M = 2e5 and 10 007,
 * against 4.35 and 4.0 for this loop; Gaussian bound 1.27 ns, {@code ParticleStepBench}). Its summation order is fixed,
 * so a run is bitwise reproducible from its seed on every vector shape and with the scalar kernels. The loop allocates
 * nothing.
 *
 * <p>Not thread-safe; one system per run.
 */
final class ParticleSystem {

    /** Blow-up factor over the initial risk (as {@code DlnSimulator}). */
    static final double BLOW_UP = 1e12;

    private static final double INV_SQRT2 = 1 / Math.sqrt(2);
    /** Particles per block of normals: 16 KB of doubles, in L1 with the particle data streaming through. */
    static final int BLOCK = 2048;

    final int m;
    final double[] k;
    final double[] beta;
    final double[] a;
    final double[] b;
    /** {@code sqrt(k_j)}. */
    private final double[] sqrtK;
    /** Normals of one block (plain runs) or of all particles (bridged runs). */
    private final double[] z;
    private final double[] w;
    private final double[] zFine;
    final double gamma;
    final double sigma;
    final double dt;
    /** {@code 1/dt} when it is an integer (then times are {@code n / perUnit}, exact for grid times), else 0. */
    private final double perUnit;
    /** {@code sum_j k_j delta_j^2} of the current state. */
    private double sq;

    /**
     * @param problem its instance is the particle set; a {@link Parametrisation#SQUARES} problem with step
     *                {@code gamma} runs as the product one with step {@code 2 gamma} (same SGD, check N9)
     * @param dt      the time step
     * @param bridged whether this system runs at {@code dt} with the Brownian increments of a run at {@code 2 dt}
     *                (see {@link #iterate})
     */
    ParticleSystem(DlnProblem problem, double dt, boolean bridged) {
        DlnInstance inst = problem.instance();
        m = inst.dimension();
        k = inst.k();
        beta = inst.target();
        a = inst.u0();
        b = inst.v0();
        gamma = problem.parametrisation() == Parametrisation.SQUARES ? 2 * problem.gamma() : problem.gamma();
        sigma = problem.sigma();
        this.dt = dt;
        perUnit = perUnit(dt);
        sqrtK = new double[m];
        for (int j = 0; j < m; j++) {
            sqrtK[j] = Math.sqrt(k[j]);
        }
        z = new double[bridged ? m : Math.min(m, BLOCK)];
        w = bridged ? new double[m] : null;
        zFine = bridged ? new double[m] : null;
        double s = 0;
        for (int j = 0; j < m; j++) {
            double dj = a[j] * b[j] - beta[j];
            s += k[j] * dj * dj;
        }
        sq = s;
    }

    /** @return {@code 1/dt} when it is an integer (record times {@code n / (1/dt)} come back exact), else 0 */
    static double perUnit(double dt) {
        double inv = Math.rint(1 / dt);
        return inv >= 1 && Math.abs(1 / dt - inv) <= 1e-9 * inv ? inv : 0;
    }

    /** @return the time of step {@code n}: {@code n / (1/dt)} when {@code 1/dt} is an integer, else {@code n dt} */
    double time(long n) {
        return perUnit > 0 ? n / perUnit : n * dt;
    }

    double risk() {
        return sq / (2.0 * m) + sigma * sigma / 2;
    }

    /**
     * One step drawing its normals block by block from {@code g} (the block stays in L1 instead of a round trip of
     * {@code m} normals through memory; the stream is a sequence, so blocking does not change the values). Returns
     * the risk before the step.
     */
    private double step(GaussianStream g) {
        double r = risk();
        double noiseScale = gamma * Math.sqrt(2 * dt * r);
        double sum = 0;
        for (int off = 0; off < m; off += BLOCK) {
            int len = Math.min(BLOCK, m - off);
            g.fill(z, 0, len);
            sum += update(off, len, z, 0, noiseScale);
        }
        sq = sum;
        return r;
    }

    /** One step with the standard normals {@code zs[0, m)}; returns the risk before it. {@code zs} read. */
    private double step(double[] zs) {
        double r = risk();
        sq = update(0, m, zs, 0, gamma * Math.sqrt(2 * dt * r));
        return r;
    }

    /**
     * The fused update of particles {@code [from, from + len)} with normals {@code zs[zOff, zOff + len)}:
     * {@code A_j = gamma dt k_j delta_j - noiseScale sqrt(k_j) Z_j} ({@code noiseScale = gamma sqrt(2 R dt)}), then
     * {@code a, b} with the old values on the right; returns {@code sum k_j delta_j^2} of the new values.
     */
    private double update(int from, int len, double[] zs, int zOff, double noiseScale) {
        double[] aa = a;
        double[] bb = b;
        double[] kk = k;
        double[] sk = sqrtK;
        double[] be = beta;
        double gdt = gamma * dt;
        double s0 = 0;
        double s1 = 0;
        int end = from + len;
        int shift = zOff - from;
        int j = from;
        // 2 accumulators: the sum is the only loop-carried dependency; fixed order keeps runs reproducible
        for (; j + 1 < end; j += 2) {
            s0 += move(aa, bb, kk, sk, be, zs, j, shift, gdt, noiseScale);
            s1 += move(aa, bb, kk, sk, be, zs, j + 1, shift, gdt, noiseScale);
        }
        if (j < end) {
            s0 += move(aa, bb, kk, sk, be, zs, j, shift, gdt, noiseScale);
        }
        return s0 + s1;
    }

    /**
     * One particle's Euler–Maruyama step (the simultaneous update of §4, old values on the right), in place.
     *
     * @return its new risk term {@code k (a b - beta)^2}
     */
    private static double move(double[] aa, double[] bb, double[] kk, double[] sk, double[] be, double[] zs, int j,
                               int shift, double gdt, double noiseScale) {
        double a = aa[j];
        double b = bb[j];
        double amp = gdt * kk[j] * (a * b - be[j]) - noiseScale * sk[j] * zs[j + shift];
        double an = a - amp * b;
        double bn = b - amp * a;
        aa[j] = an;
        bb[j] = bn;
        double d = an * bn - be[j];
        return kk[j] * d * d;
    }

    /** The per-record extras of a run: integrated risk, risk balance and risk noise rate. */
    record Extras(double[] integratedRisk, double[] riskBalance, double[] riskNoiseRate) {
    }

    /** A run's result before it is wrapped: the trajectory, the extras and the last recorded state. */
    record Result(DlnTrajectory trajectory, Extras extras, DlnInstance state) {
    }

    /**
     * Integrates to the last record and records at the steps {@code steps} (strictly increasing, {@code steps[0] =
     * 0}, in units of {@code dt}).
     *
     * @param g      the standard normals ({@code m} per step)
     * @param bridge {@code null} for a plain run; for a bridged system, a second stream: each pair of steps
     *               {@code 2i, 2i+1} uses {@code (Z + W)/sqrt 2} and {@code (Z - W)/sqrt 2}, where {@code Z} are the
     *               {@code m} normals that a plain run at {@code 2 dt} from {@code g} uses at its step {@code i} and
     *               {@code W} fresh normals from {@code bridge}: the two runs see the same Brownian path (the
     *               fine run's increments over {@code 2 dt} sum to the coarse one's), so their difference measures
     *               the time-step bias without Monte-Carlo noise of its own
     */
    Outcome<Result> iterate(long[] steps, GaussianStream g, GaussianStream bridge) {
        int records = steps.length;
        double[] times = new double[records];
        for (int i = 0; i < records; i++) {
            times[i] = time(steps[i]);
        }
        double[][] obs = new double[5][records];
        double[] integral = new double[records];
        double[] balance = new double[records];
        double[] noiseRate = new double[records];
        double[] lastA = a.clone();
        double[] lastB = b.clone();
        record(obs, balance, noiseRate, 0);
        double r0 = Math.max(risk(), Double.MIN_NORMAL);
        double limit = BLOW_UP * r0;
        double integratedRisk = 0;
        int next = 1;
        long n = 0;
        while (next < records) {
            double r;
            if (bridge == null) {
                r = step(g);
            } else {
                if ((n & 1) == 0) {
                    g.fill(z, 0, m);
                    bridge.fill(w, 0, m);
                    for (int j = 0; j < m; j++) {
                        zFine[j] = (z[j] + w[j]) * INV_SQRT2;
                    }
                } else {
                    for (int j = 0; j < m; j++) {
                        zFine[j] = (z[j] - w[j]) * INV_SQRT2;
                    }
                }
                r = step(zFine);
            }
            integratedRisk += r * dt;
            n++;
            double rNew = risk();
            if (!(rNew <= limit)) {
                var partial = new Result(trajectory(times, obs, next), extras(integral, balance, noiseRate, next),
                        state(lastA, lastB));
                return new Outcome.Diverged<>(n, time(n), "particle risk " + rNew + " at t = " + time(n)
                        + " (non-finite, or above 1e12 times R(0) = " + r0 + ")", partial);
            }
            if (n == steps[next]) {
                integral[next] = integratedRisk;
                record(obs, balance, noiseRate, next);
                System.arraycopy(a, 0, lastA, 0, m);
                System.arraycopy(b, 0, lastB, 0, m);
                next++;
            }
        }
        return new Outcome.Completed<>(new Result(trajectory(times, obs, records),
                extras(integral, balance, noiseRate, records), state(lastA, lastB)));
    }

    private DlnInstance state(double[] aa, double[] bb) {
        return new DlnInstance(k, beta, aa, bb);
    }

    private static DlnTrajectory trajectory(double[] times, double[][] obs, int n) {
        return new DlnTrajectory(times, obs[0], obs[1], obs[2], obs[3], obs[4]).head(n);
    }

    private static Extras extras(double[] integral, double[] balance, double[] noiseRate, int n) {
        return new Extras(java.util.Arrays.copyOf(integral, n), java.util.Arrays.copyOf(balance, n),
                java.util.Arrays.copyOf(noiseRate, n));
    }

    /**
     * Records the observables, the right-hand side of the risk balance (diagonal-networks.md §3)
     * {@code dR/dt = -gamma E[k^2 S delta^2] + gamma^2 R E[k^2 (S^2 + 2 theta delta)]} and the rate of the quadratic
     * variation of the particle risk, {@code d<R>/dt = (1/m^2) sum_j 2 gamma^2 R k_j^3 delta_j^2 S_j^2} (Itô:
     * {@code dR = (1/m) sum_j k_j delta_j d theta_j + ...}, {@code d theta_j} has noise {@code gamma sqrt(2 R k_j)
     * S_j dB_j}).
     */
    private void record(double[][] obs, double[] balance, double[] noiseRate, int i) {
        DlnObservables o = DlnObservables.ofProduct(k, beta, a, b, sigma);
        obs[0][i] = o.risk();
        obs[1][i] = o.curvature();
        obs[2][i] = o.imbalance();
        obs[3][i] = o.l1();
        obs[4][i] = o.distance();
        double r = o.risk();
        double e1 = 0;
        double e2 = 0;
        double q = 0;
        for (int j = 0; j < m; j++) {
            double theta = a[j] * b[j];
            double delta = theta - beta[j];
            double s = a[j] * a[j] + b[j] * b[j];
            double k2 = k[j] * k[j];
            e1 += k2 * s * delta * delta;
            e2 += k2 * (s * s + 2 * theta * delta);
            q += k2 * k[j] * delta * delta * s * s;
        }
        balance[i] = (-gamma * e1 + gamma * gamma * r * e2) / m;
        noiseRate[i] = 2 * gamma * gamma * r * q / ((double) m * m);
    }
}
