package org.optdyn.verification.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.optdyn.engine.dln.DlnInstance;
import org.optdyn.engine.dln.DlnProblem;
import org.optdyn.engine.dln.DlnSimulator;
import org.optdyn.engine.dln.DlnTrajectory;
import org.optdyn.engine.dln.Parametrisation;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.stream.TimeGrid;
import org.optdyn.theory.pde.FokkerPlanckGrid;
import org.optdyn.theory.pde.GridSolution;
import org.optdyn.theory.pde.ParticleSolver;
import org.optdyn.theory.pde.SdeSolver;
import org.optdyn.verification.experiment.Statistics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code optdyn dln}: streaming SGD on a diagonal linear network (diagonal-networks.md §1, instance N1 of §7), or its
 * finite-{@code d} SDE (§2, {@code --solver sde}) or its mean-field PDE by particles (§4, {@code --solver particles}) or
 * on a grid in {@code theta} (§5, {@code --solver grid}), CSV
 * {@code t,risk_mean,risk_sd,curvature_mean,imbalance_mean,l1_mean}, one row per grid time, mean and sample sd over
 * the seeds ({@code risk_sd} is empty for a single seed and for the PDE solvers, which give one deterministic
 * solution). A diverged seed prints the rows every seed reached, one line on standard error naming the
 * seed and the time, and exits with code 1.
 */
@Command(name = "dln", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate streaming SGD on a diagonal linear network theta = u v (or w+^2 - w-^2) with Gaussian "
                + "data x ~ N(0, diag(k)/d), labels y = <x, beta> + sigma xi, time t = steps/d (diagonal-networks.md), "
                + "and write CSV with header t,risk_mean,risk_sd,curvature_mean,imbalance_mean,l1_mean.",
            "Exit code: 0 completed, 1 a seed diverged (rows every seed reached are printed), 2 bad flags."})
final class DlnCommand implements Callable<Integer> {

    /** Largest work accepted, in coordinate-steps {@code d * d * tmax * seeds} (about an hour at 3 ns each). */
    static final double MAX_WORK = 1e12;
    /**
     * Largest work of the SDE and particle solvers, in particle-steps {@code M * tmax / dt} (times the seeds for the
     * SDE): about 40 minutes at the measured 4.4 ns per particle-step.
     */
    static final double MAX_PARTICLE_WORK = 5e11;
    /** Largest particle count (seven arrays of doubles: about 1.1 GB at this size). */
    static final long MAX_PARTICLES = 20_000_000;
    /** Largest work of the grid solver, in cell-steps {@code cells * classes * tmax / dt}: about 30 minutes at 60 ns. */
    static final double MAX_CELL_WORK = 3e10;
    /** Largest cell count of the grid solver. */
    static final int MAX_CELLS = 1_000_001;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--gamma", paramLabel = "G", required = true, description = "Step gamma > 0 (time t = steps/d).")
    double gamma;

    @Option(names = "--sigma", paramLabel = "S", defaultValue = "0", description = "Label noise sigma >= 0. "
            + "Default: ${DEFAULT-VALUE}.")
    double sigma;

    @Option(names = "--d", paramLabel = "D", required = true, description = "Dimension d >= 1.")
    int dimension;

    @Option(names = "--tmax", paramLabel = "T", description = "Horizon (with --points; default 2).")
    Double tmax;

    @Option(names = "--points", paramLabel = "N", description = "N >= 2 equally spaced times from 0 to --tmax "
            + "(default 9).")
    Integer points;

    @Option(names = "--grid", paramLabel = "T1,T2,...", description = "Output times instead of --points (t = 0 is "
            + "added; --tmax, if given, must be the last).")
    String grid;

    @Option(names = "--seeds", paramLabel = "M", defaultValue = "1", description = "Independent runs M >= 1. "
            + "Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Master seed; run r uses its child "
            + "stream r. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--solver", paramLabel = "sgd|sde|particles|grid", defaultValue = "sgd",
            description = "sgd: streaming SGD at dimension d; sde: Euler-Maruyama of the finite-d SDE (one run per "
                    + "seed); particles: the mean-field PDE by particles, N1 at dimension d replicated to about "
                    + "--particles particles (one deterministic solution, risk_sd empty); grid: the mean-field PDE "
                    + "reduced to theta and solved by finite volumes on --cells cells of [-L, L] (deterministic, "
                    + "second order). Default: ${DEFAULT-VALUE}.")
    String solver;

    @Option(names = "--cells", paramLabel = "N", description = "Cells of --solver grid, odd. Default: 2001.")
    Integer cells;

    @Option(names = "--half-width", paramLabel = "L", description = "Domain [-L, L] of --solver grid; mass reaching its "
            + "edge is reported as a divergence (raise L for large gamma R). Default: 10.")
    Double halfWidth;

    @Option(names = "--particles", paramLabel = "P", description = "Particles of the PDE solver (--solver particles), "
            + "rounded to a multiple r d of d by replicating the instance r = max(1, round(P/d)) times; a whole number, "
            + "e.g. 200000 or 2e5. Default: 2e5.")
    String particles;

    @Option(names = "--dt", paramLabel = "DT", description = "Time step of --solver sde|particles|grid "
            + "(Euler-Maruyama, or Crank-Nicolson for grid; grid times are rounded to multiples of it). Default: 0.002.")
    Double dt;

    @Option(names = "--instance", paramLabel = "n1", defaultValue = "n1", description = "The problem instance: n1 "
            + "(diagonal-networks.md §7: k = 0.5/1.5 alternating, 20 % support with beta = +-1, start u = 1, v = 0). "
            + "Default: ${DEFAULT-VALUE}.")
    String instance;

    @Option(names = "--parametrisation", paramLabel = "uv|w", defaultValue = "uv", description = "theta = u v, or "
            + "theta = w+^2 - w-^2 started at w+- = (u0 +- v0)/2. Default: ${DEFAULT-VALUE}.")
    String parametrisation;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (results do not depend on it). "
            + "Default: the number of cores.")
    Integer threads;

    @Override
    public Integer call() {
        var cl = spec.commandLine();
        if (!List.of("sgd", "sde", "particles", "grid").contains(solver)) {
            throw new CommandLine.ParameterException(cl, "--solver must be sgd, sde, particles or grid, got '" + solver
                    + "'");
        }
        boolean sgd = "sgd".equals(solver);
        boolean byParticles = "particles".equals(solver);
        boolean byGrid = "grid".equals(solver);
        if (particles != null && !byParticles) {
            throw new CommandLine.ParameterException(cl, "--particles applies to --solver particles");
        }
        if ((cells != null || halfWidth != null) && !byGrid) {
            throw new CommandLine.ParameterException(cl, "--cells and --half-width apply to --solver grid");
        }
        if (dt != null && sgd) {
            throw new CommandLine.ParameterException(cl, "--dt applies to --solver sde|particles|grid (SGD's time step "
                    + "is 1/d)");
        }
        if (dt != null && (!(dt > 0) || !Double.isFinite(dt))) {
            throw new CommandLine.ParameterException(cl, "--dt must be finite and > 0, got " + dt);
        }
        double nParticles = particles == null ? ParticleSolver.DEFAULT_PARTICLES
                : ProblemOptions.orUsageError(cl, () -> Numbers.one("--particles", particles));
        if (!(nParticles >= 1 && nParticles <= MAX_PARTICLES) || nParticles != Math.rint(nParticles)) {
            throw new CommandLine.ParameterException(cl, "--particles must be a whole number from 1 to " + MAX_PARTICLES
                    + ", got " + particles);
        }
        if (byParticles && seeds != 1) {
            throw new CommandLine.ParameterException(cl, "--seeds applies to sgd and sde: the particle solver gives one "
                    + "deterministic solution (choose its noise with --seed), got --seeds " + seeds);
        }
        if (byGrid && seeds != 1) {
            throw new CommandLine.ParameterException(cl, "--seeds applies to sgd and sde: the grid solver is "
                    + "deterministic, got --seeds " + seeds);
        }
        if (!"n1".equals(instance)) {
            throw new CommandLine.ParameterException(cl, "--instance must be n1, got '" + instance + "'");
        }
        if (grid != null && points != null) {
            throw new CommandLine.ParameterException(cl, "--grid replaces --points; give one or the other");
        }
        if (seeds < 1) {
            throw new CommandLine.ParameterException(cl, "--seeds must be >= 1, got " + seeds);
        }
        if (dimension < 1) {
            throw new CommandLine.ParameterException(cl, "--d must be >= 1, got " + dimension);
        }
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (nThreads < 1) {
            throw new CommandLine.ParameterException(cl, "--threads must be >= 1, got " + nThreads);
        }
        TimeGrid times = ProblemOptions.orUsageError(cl, () -> grid != null ? gridTimes(grid)
                : linearTimes(tmax == null ? 2 : tmax, points == null ? 9 : points));
        if (grid != null && tmax != null && times.last() != tmax) {
            throw new CommandLine.ParameterException(cl, "--tmax " + tmax + " must be the last --grid time, got "
                    + times.last());
        }
        if (byGrid) {
            return solveOnGrid(cl, times);
        }
        if (!sgd) {
            return solveSdeOrParticles(cl, times, nThreads, byParticles, (long) nParticles);
        }
        double work = (double) dimension * dimension * times.last() * seeds;
        if (work > MAX_WORK) {
            throw new CommandLine.ParameterException(cl, String.format(Locale.ROOT, "--d %d up to t = %s with %d "
                    + "seeds needs %.2g coordinate-steps (d^2 t per seed, about %.1f hours at 3 ns each); the limit is "
                    + "%.0g: use a smaller --d, --tmax or --seeds", dimension, times.last(), seeds, work,
                    work * 3e-9 / 3600, MAX_WORK));
        }
        DlnProblem problem = ProblemOptions.orUsageError(cl, () -> new DlnProblem(DlnInstance.n1(dimension),
                Parametrisation.parse(parametrisation), gamma, sigma, times));
        List<Outcome<DlnTrajectory>> runs = ProblemOptions.orUsageError(cl,
                () -> DlnSimulator.runMany(problem, seed, seeds, nThreads));
        return print(cl, runs, "seed ");
    }

    /** {@code --solver sde|particles}: the same CSV from Euler–Maruyama runs of step {@code --dt}. */
    private int solveSdeOrParticles(CommandLine cl, TimeGrid times, int nThreads, boolean byParticles,
                                    long nParticles) {
        double step = dt == null ? ParticleSolver.DEFAULT_DT : dt;
        if (times.last() > 0 && step > times.last()) {
            throw new CommandLine.ParameterException(cl, "--dt " + step + " exceeds the last grid time " + times.last());
        }
        int r = byParticles ? ParticleSolver.replicasFor(dimension, nParticles) : 1;
        long m = (long) r * dimension;
        if (m > MAX_PARTICLES) {
            throw new CommandLine.ParameterException(cl, "--d " + dimension + " gives " + m + " particles; the limit "
                    + "is " + MAX_PARTICLES);
        }
        double work = m * Math.ceil(times.last() / step) * (byParticles ? 1 : seeds);
        if (work > MAX_PARTICLE_WORK) {
            throw new CommandLine.ParameterException(cl, String.format(Locale.ROOT, "%d %s up to t = %s at --dt %s "
                    + "need %.2g particle-steps (about %.1f hours at 4.4 ns each); the limit is %.0g: use a larger --dt "
                    + "or a smaller --tmax, --d, --particles or --seeds", m, byParticles ? "particles" : "coordinates",
                    times.last(), step, work, work * 4.4e-9 / 3600, MAX_PARTICLE_WORK));
        }
        DlnProblem problem = ProblemOptions.orUsageError(cl, () -> new DlnProblem(DlnInstance.n1(dimension),
                Parametrisation.parse(parametrisation), gamma, sigma, times));
        List<Outcome<DlnTrajectory>> runs = ProblemOptions.orUsageError(cl, () -> byParticles
                ? List.of(new ParticleSolver(step).solve(ParticleSolver.replicate(problem, r), seed)
                        .map(s -> s.trajectory()))
                : new SdeSolver(step).runMany(problem, seed, seeds, nThreads));
        return print(cl, runs, byParticles ? "particles (seed " + seed + ") " : "sde seed ");
    }

    /** {@code --solver grid}: the same CSV from the reduced Fokker–Planck equations on a grid in theta. */
    private int solveOnGrid(CommandLine cl, TimeGrid times) {
        var defaults = FokkerPlanckGrid.defaults();
        double step = dt == null ? defaults.dt() : dt;
        if (times.last() > 0 && step > times.last()) {
            throw new CommandLine.ParameterException(cl, "--dt " + step + " exceeds the last grid time " + times.last());
        }
        int n = cells == null ? defaults.cells() : cells;
        if (n < 11 || n % 2 == 0 || n > MAX_CELLS) {
            throw new CommandLine.ParameterException(cl, "--cells must be odd, from 11 to " + MAX_CELLS + ", got " + n);
        }
        double l = halfWidth == null ? defaults.halfWidth() : halfWidth;
        if (!(l > 0) || !Double.isFinite(l)) {
            throw new CommandLine.ParameterException(cl, "--half-width must be finite and > 0, got " + l);
        }
        int classes = Math.min(dimension, 4);
        double work = (double) n * classes * Math.ceil(times.last() / step);
        if (work > MAX_CELL_WORK) {
            throw new CommandLine.ParameterException(cl, String.format(Locale.ROOT, "%d cells x %d classes up to t = %s "
                    + "at --dt %s need %.2g cell-steps (about %.1f hours at 60 ns each); the limit is %.0g: use a "
                    + "larger --dt or fewer --cells", n, classes, times.last(), step, work, work * 60e-9 / 3600,
                    MAX_CELL_WORK));
        }
        DlnProblem problem = ProblemOptions.orUsageError(cl, () -> new DlnProblem(DlnInstance.n1(dimension),
                Parametrisation.parse(parametrisation), gamma, sigma, times));
        Outcome<DlnTrajectory> run = ProblemOptions.orUsageError(cl,
                () -> new FokkerPlanckGrid(n, l, step).solve(problem).map(GridSolution::trajectory));
        return print(cl, List.of(run), "grid ");
    }

    /** Prints the rows every run reached; a diverged run is named on standard error (exit 1). */
    private int print(CommandLine cl, List<Outcome<DlnTrajectory>> runs, String what) {
        boolean single = runs.size() == 1;
        int rows = runs.stream().mapToInt(o -> o.value().size()).min().orElseThrow();
        var out = cl.getOut();
        out.println("t,risk_mean,risk_sd,curvature_mean,imbalance_mean,l1_mean");
        double[] t = runs.get(0).value().times();
        for (int j = 0; j < rows; j++) {
            int row = j;
            double[] risk = runs.stream().mapToDouble(o -> o.value().risk()[row]).toArray();
            out.println(t[j] + "," + Statistics.mean(risk) + ","
                    + (!single ? Double.toString(Statistics.sampleSd(risk)) : "") + ","
                    + Statistics.mean(runs.stream().mapToDouble(o -> o.value().curvature()[row]).toArray()) + ","
                    + Statistics.mean(runs.stream().mapToDouble(o -> o.value().imbalance()[row]).toArray()) + ","
                    + Statistics.mean(runs.stream().mapToDouble(o -> o.value().l1()[row]).toArray()));
        }
        out.flush();
        for (int r = 0; r < runs.size(); r++) {
            if (runs.get(r) instanceof Outcome.Diverged<DlnTrajectory> d) {
                cl.getErr().println("optdyn dln: " + what + (what.startsWith("particles") || what.startsWith("grid") ? "" : r + " ")
                        + "diverged at t = " + d.time() + " (step " + d.step() + "): " + d.reason()
                        + " (rows stop before it)");
                cl.getErr().flush();
                return ExitCodes.CLAIM_FAILED;
            }
        }
        return ExitCodes.OK;
    }

    private static TimeGrid gridTimes(String grid) {
        try {
            return TimeGrid.parse(grid);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--grid " + e.getMessage(), e);
        }
    }

    private static TimeGrid linearTimes(double tmax, int points) {
        try {
            return TimeGrid.linear(tmax, points);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage(), e);
        }
    }
}
