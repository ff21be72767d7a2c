package org.optdyn.theory.pde;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.optdyn.engine.dln.DlnInstance;
import org.optdyn.engine.dln.DlnProblem;
import org.optdyn.engine.dln.DlnTrajectory;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.random.RandomStreams;
import org.optdyn.engine.stream.TimeGrid;

/**
 * The deterministic mean-field limit of streaming SGD on a diagonal linear network (diagonal-networks.md §3: the
 * McKean–Vlasov SDE whose law solves the Fokker–Planck equation), solved by the particle scheme of §4: particles
 * {@code (k_j, beta_j, a_j, b_j)}, {@code j < M}, advanced by Euler–Maruyama with the single coupling
 * {@code R = (1/(2M)) sum_j k_j (a_j b_j - beta_j)^2 + sigma^2/2} computed once per step before the update:
 * <pre>
 *   A_j = gamma k_j (a_j b_j - beta_j) dt - gamma sqrt(2 R k_j dt) Z_j,   a_j &lt;- a_j - A_j b_j,   b_j &lt;- b_j - A_j a_j
 * </pre>
 * (same algebraic form as an SGD step, so {@code c_j = a_j^2 - b_j^2} maps exactly to {@code c_j (1 - A_j^2)}).
 * Weak error {@code O(dt)}, statistical error {@code O(M^{-1/2})}; cost {@code M} normals and one fused pass over the
 * particles per step, nothing allocated in the loop.
 *
 * <p>The particle set is the problem's instance ({@code M} = its dimension; the observables are averages over the
 * particles exactly as over SGD coordinates): build it by {@link #replicate replicating} a finite instance (best for
 * comparing with one SGD instance) or from a {@linkplain #fromLaw population law}. A
 * {@link org.optdyn.engine.dln.Parametrisation#SQUARES} problem with step {@code gamma} is solved as the product one
 * with step {@code 2 gamma} (the two SGDs coincide, check N9; the instance's {@code (u0, v0)} are product coordinates).
 *
 * <p>Records: the grid times rounded to the nearest step {@code n = round(t/dt)} (duplicates removed, {@code t = 0}
 * added), at time {@code n / (1/dt)} when {@code 1/dt} is an integer (so grid times come back exactly), else
 * {@code n dt}. Streams: {@link #solve} with seed {@code s} draws its normals from {@code RandomStreams(s).child(0)
 * .gaussian(0)} (so a run on the unreplicated instance is run 0 of {@link SdeSolver}). Divergence (non-finite risk, or
 * above {@code 1e12 R(0)}) is {@link Outcome.Diverged} with its step (in units of {@code dt}) and time.
 *
 * @param dt the time step, finite and {@code > 0}
 */
public record ParticleSolver(double dt) {

    /** The recommended time step of §4. */
    public static final double DEFAULT_DT = 0.002;
    /** The recommended number of particles of §4. */
    public static final int DEFAULT_PARTICLES = 200_000;

    public ParticleSolver {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("dt must be finite and > 0, got " + dt);
        }
    }

    /** @return the solver with {@link #DEFAULT_DT} */
    public static ParticleSolver defaults() {
        return new ParticleSolver(DEFAULT_DT);
    }

    /** One atom of a population law: weight, class {@code (k, beta)} and start {@code (a, b)}. */
    public record Atom(double weight, double k, double beta, double a, double b) {

        public Atom {
            if (!(weight > 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("weight must be finite and > 0, got " + weight);
            }
            if (!(k > 0) || !Double.isFinite(k)) {
                throw new IllegalArgumentException("k must be finite and > 0, got " + k);
            }
            if (!Double.isFinite(beta) || !Double.isFinite(a) || !Double.isFinite(b)) {
                throw new IllegalArgumentException("beta, a and b must be finite, got " + beta + ", " + a + ", " + b);
            }
        }
    }

    /**
     * @return the population law of N1 (diagonal-networks.md §7): {@code (k, beta) = (0.5, +1)} 10 %, {@code (1.5, -1)}
     *         10 %, {@code (0.5, 0)} 40 %, {@code (1.5, 0)} 40 %, start {@code a = 1, b = 0}
     */
    public static List<Atom> n1Law() {
        return List.of(new Atom(0.1, 0.5, 1, 1, 0), new Atom(0.1, 1.5, -1, 1, 0), new Atom(0.4, 0.5, 0, 1, 0),
                new Atom(0.4, 1.5, 0, 1, 0));
    }

    /**
     * @param r copies, {@code >= 1}
     * @return the instance with every coordinate copied {@code r} times ({@code M = r d}; copy {@code c} of coordinate
     *         {@code i} is particle {@code c d + i}): the same observables at the start
     */
    public static DlnInstance replicate(DlnInstance instance, int r) {
        Objects.requireNonNull(instance, "instance");
        int d = instance.dimension();
        if (r < 1 || (long) r * d > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("replicas must be >= 1 with r d < 2^31, got r = " + r + ", d = " + d);
        }
        int m = r * d;
        double[] k = new double[m];
        double[] beta = new double[m];
        double[] a = new double[m];
        double[] b = new double[m];
        double[] k0 = instance.k();
        double[] beta0 = instance.target();
        double[] a0 = instance.u0();
        double[] b0 = instance.v0();
        for (int c = 0; c < r; c++) {
            System.arraycopy(k0, 0, k, c * d, d);
            System.arraycopy(beta0, 0, beta, c * d, d);
            System.arraycopy(a0, 0, a, c * d, d);
            System.arraycopy(b0, 0, b, c * d, d);
        }
        return new DlnInstance(k, beta, a, b);
    }

    /** @return the problem with its instance replicated {@code r} times ({@link #replicate(DlnInstance, int)}) */
    public static DlnProblem replicate(DlnProblem problem, int r) {
        Objects.requireNonNull(problem, "problem");
        return new DlnProblem(replicate(problem.instance(), r), problem.parametrisation(), problem.gamma(),
                problem.sigma(), problem.grid());
    }

    /**
     * @return the number of copies {@code r = max(1, round(particles / d))} of a {@code d}-coordinate instance closest
     *         to {@code particles} particles
     */
    public static int replicasFor(int d, long particles) {
        if (d < 1 || particles < 1) {
            throw new IllegalArgumentException("need d >= 1 and particles >= 1, got d = " + d + ", particles = "
                    + particles);
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round((double) particles / d)));
    }

    /**
     * Deterministic quota sampling of a population law: atom {@code i} gets {@code floor(M w_i / W)} particles, the
     * remaining ones going to the largest remainders (ties to the first atom), so the empirical law matches the weights
     * to within {@code 1/M} per atom. Particles are laid out atom by atom.
     *
     * @param m the number of particles, {@code >= 1}
     */
    public static DlnInstance fromLaw(List<Atom> law, int m) {
        Objects.requireNonNull(law, "law");
        if (law.isEmpty()) {
            throw new IllegalArgumentException("law must have at least one atom");
        }
        if (m < 1) {
            throw new IllegalArgumentException("m must be >= 1, got " + m);
        }
        double total = law.stream().mapToDouble(Atom::weight).sum();
        int n = law.size();
        int[] count = new int[n];
        double[] rem = new double[n];
        int used = 0;
        for (int i = 0; i < n; i++) {
            double q = m * law.get(i).weight() / total;
            count[i] = (int) Math.floor(q);
            rem[i] = q - count[i];
            used += count[i];
        }
        for (; used < m; used++) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (rem[i] > rem[best]) {
                    best = i;
                }
            }
            count[best]++;
            rem[best] = -1;
        }
        double[] k = new double[m];
        double[] beta = new double[m];
        double[] a = new double[m];
        double[] b = new double[m];
        int j = 0;
        for (int i = 0; i < n; i++) {
            Atom at = law.get(i);
            for (int c = 0; c < count[i]; c++, j++) {
                k[j] = at.k();
                beta[j] = at.beta();
                a[j] = at.a();
                b[j] = at.b();
            }
        }
        return new DlnInstance(k, beta, a, b);
    }

    /**
     * Solves the particle system whose particles are {@code problem.instance()}.
     *
     * @return the recorded solution, or its divergence (with the records before it)
     */
    public Outcome<ParticleSolution> solve(DlnProblem problem, long seed) {
        Objects.requireNonNull(problem, "problem");
        return run(problem, dt, new RandomStreams(seed).child(0), false);
    }

    /**
     * The solution at step {@code dt/2} on the Brownian path of {@link #solve solve(problem, seed)} (the bridged run of
     * {@link #estimate}): comparing a statistic of the two runs measures its time-step bias with almost no Monte-Carlo
     * noise of its own. The recorded times must be multiples of {@code dt}.
     */
    public Outcome<ParticleSolution> solveHalfStep(DlnProblem problem, long seed) {
        Objects.requireNonNull(problem, "problem");
        return run(problem, dt / 2, new RandomStreams(seed).child(0), true);
    }

    /**
     * The particle solution with its error estimate ({@link ParticleEstimate}): three runs on the problem's particles,
     * seed stream 0 at {@code dt} (the value, identical to {@link #solve}), seed stream 1 at {@code dt}, and seed
     * stream 0 at {@code dt/2} on the same Brownian path; cost four times {@link #solve}. The recorded times must be
     * multiples of {@code dt} for the two step sizes to record at the same times (they are when the grid times are).
     *
     * @return the estimate, or the first divergence among the three runs, named in the reason (its partial value holds
     *         the value run's records; its error, spread and bias are zero, i.e. not estimated)
     */
    public Outcome<ParticleEstimate> estimate(DlnProblem problem, long seed) {
        Objects.requireNonNull(problem, "problem");
        requireHalfStepAligned(problem.grid(), dt, "dt/2 run");
        var streams = new RandomStreams(seed);
        var main = run(problem, dt, streams.child(0), false);
        var other = run(problem, dt, streams.child(1), false);
        var fine = run(problem, dt / 2, streams.child(0), true);
        for (var o : List.of(main, other, fine)) {
            if (o instanceof Outcome.Diverged<ParticleSolution> d) {
                String which = o == main ? "value run" : o == other ? "second-seed run" : "dt/2 run";
                var partial = main.value();
                return new Outcome.Diverged<>(d.step(), d.time(), which + ": " + d.reason(),
                        new ParticleEstimate(partial, zero(partial.trajectory()), zero(partial.trajectory()),
                                zero(partial.trajectory()), partial.trajectory(),
                                new double[partial.trajectory().size()]));
            }
        }
        ParticleSolution v = main.value();
        DlnTrajectory x = v.trajectory();
        DlnTrajectory y = other.value().trajectory();
        DlnTrajectory f = fine.value().trajectory();
        DlnTrajectory spread = combine(x, y, (p, q) -> Math.abs(p - q));
        DlnTrajectory bias = combine(x, f, (p, q) -> 2 * Math.abs(p - q));
        DlnTrajectory error = combine(spread, bias, (p, q) -> 3 * p + q);
        DlnTrajectory extrapolated = combine(x, f, (p, q) -> 2 * q - p);
        double[] i0 = v.integratedRisk();
        double[] i1 = other.value().integratedRisk();
        double[] i2 = fine.value().integratedRisk();
        double[] iErr = new double[i0.length];
        for (int j = 0; j < i0.length; j++) {
            iErr[j] = 3 * Math.abs(i0[j] - i1[j]) + 2 * Math.abs(i0[j] - i2[j]);
        }
        return new Outcome.Completed<>(new ParticleEstimate(v, error, spread, bias, extrapolated, iErr));
    }

    /**
     * @throws IllegalArgumentException unless the record steps of {@code grid} at {@code dt/2} are twice those at
     *                                  {@code dt} (the grid times are multiples of {@code dt}), so that a run at
     *                                  {@code dt/2} (named {@code what}) records at the same times
     */
    static void requireHalfStepAligned(TimeGrid grid, double dt, String what) {
        long[] coarse = steps(grid, dt);
        long[] fine = steps(grid, dt / 2);
        boolean aligned = coarse.length == fine.length;
        for (int j = 0; aligned && j < coarse.length; j++) {
            aligned = fine[j] == 2 * coarse[j];
        }
        if (!aligned) {
            throw new IllegalArgumentException("the grid times must be multiples of dt = " + dt + " for the " + what
                    + " to record at the same times, got " + grid);
        }
    }

    /** The record steps of {@code grid} at step {@code dt}: {@code round(t/dt)}, 0 added, duplicates removed. */
    static long[] steps(TimeGrid grid, double dt) {
        var set = new TreeSet<Long>();
        set.add(0L);
        for (double t : grid.times()) {
            double n = Math.rint(t / dt);
            if (n > Long.MAX_VALUE / 4) {
                throw new IllegalArgumentException("time " + t + " is too many steps of dt = " + dt);
            }
            set.add((long) n);
        }
        return set.stream().mapToLong(Long::longValue).toArray();
    }

    static Outcome<ParticleSolution> run(DlnProblem problem, double dt, RandomStreams streams, boolean bridged) {
        var system = new ParticleSystem(problem, dt, bridged);
        long[] steps = steps(problem.grid(), dt);
        var out = system.iterate(steps, streams.gaussian(0), bridged ? streams.gaussian(1) : null);
        return out.map(r -> new ParticleSolution(r.trajectory(), r.extras().integratedRisk(),
                r.extras().riskBalance(), r.extras().riskNoiseRate(), r.state()));
    }

    interface Op {
        double apply(double p, double q);
    }

    static DlnTrajectory combine(DlnTrajectory x, DlnTrajectory y, Op op) {
        return new DlnTrajectory(x.times(), each(x.risk(), y.risk(), op), each(x.curvature(), y.curvature(), op),
                each(x.imbalance(), y.imbalance(), op), each(x.l1(), y.l1(), op), each(x.distance(), y.distance(), op));
    }

    private static double[] each(double[] p, double[] q, Op op) {
        double[] r = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            r[i] = op.apply(p[i], q[i]);
        }
        return r;
    }

    static DlnTrajectory zero(DlnTrajectory x) {
        int n = x.size();
        return new DlnTrajectory(x.times(), new double[n], new double[n], new double[n], new double[n], new double[n]);
    }
}
