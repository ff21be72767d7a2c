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
import org.optdyn.verification.experiment.Statistics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code optdyn dln}: streaming SGD on a diagonal linear network (diagonal-networks.md §1, instance N1 of §7), CSV
 * {@code t,risk_mean,risk_sd,curvature_mean,imbalance_mean,l1_mean}, one row per grid time, mean and sample sd over
 * the seeds ({@code risk_sd} is empty for a single seed). A diverged seed prints the rows every seed reached, one
 * line on standard error naming the seed and the time, and exits with code 1.
 */
@Command(name = "dln", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate streaming SGD on a diagonal linear network theta = u v (or w+^2 - w-^2) with Gaussian "
                + "data x ~ N(0, diag(k)/d), labels y = <x, beta> + sigma xi, time t = steps/d (diagonal-networks.md), "
                + "and write CSV with header t,risk_mean,risk_sd,curvature_mean,imbalance_mean,l1_mean.",
            "Exit code: 0 completed, 1 a seed diverged (rows every seed reached are printed), 2 bad flags."})
final class DlnCommand implements Callable<Integer> {

    /** Largest work accepted, in coordinate-steps {@code d * d * tmax * seeds} (about an hour at 3 ns each). */
    static final double MAX_WORK = 1e12;

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

    @Option(names = "--solver", paramLabel = "sgd|sde|particles", defaultValue = "sgd",
            description = "Default: ${DEFAULT-VALUE} (sde and particles: issue 12 step b, not built yet).")
    String solver;

    @Option(names = "--particles", paramLabel = "P", description = "Particles of the PDE solver (--solver particles).")
    Integer particles;

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
        if (!"sgd".equals(solver)) {
            throw new CommandLine.ParameterException(cl, "--solver " + solver + ": only sgd is built so far (sde and "
                    + "particles come with issue 12 step b)");
        }
        if (particles != null) {
            throw new CommandLine.ParameterException(cl, "--particles applies to --solver particles");
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
        int rows = runs.stream().mapToInt(o -> o.value().size()).min().orElseThrow();
        var out = cl.getOut();
        out.println("t,risk_mean,risk_sd,curvature_mean,imbalance_mean,l1_mean");
        double[] t = runs.get(0).value().times();
        for (int j = 0; j < rows; j++) {
            int row = j;
            double[] risk = runs.stream().mapToDouble(o -> o.value().risk()[row]).toArray();
            out.println(t[j] + "," + Statistics.mean(risk) + ","
                    + (seeds > 1 ? Double.toString(Statistics.sampleSd(risk)) : "") + ","
                    + Statistics.mean(runs.stream().mapToDouble(o -> o.value().curvature()[row]).toArray()) + ","
                    + Statistics.mean(runs.stream().mapToDouble(o -> o.value().imbalance()[row]).toArray()) + ","
                    + Statistics.mean(runs.stream().mapToDouble(o -> o.value().l1()[row]).toArray()));
        }
        out.flush();
        for (int r = 0; r < runs.size(); r++) {
            if (runs.get(r) instanceof Outcome.Diverged<DlnTrajectory> d) {
                cl.getErr().println("optdyn dln: seed " + r + " diverged at t = " + d.time() + " (step " + d.step()
                        + "): " + d.reason() + " (rows stop before it)");
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
