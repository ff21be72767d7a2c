package org.optdyn.verification.cli;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.stream.Covariance;
import org.optdyn.engine.stream.HomogenizedSgd;
import org.optdyn.engine.stream.InitialCondition;
import org.optdyn.engine.stream.RunTrajectory;
import org.optdyn.engine.stream.SimulationSpec;
import org.optdyn.engine.stream.StepGrid;
import org.optdyn.engine.stream.StreamingSimulator;
import org.optdyn.theory.ode.GlmModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code optdyn simulate}: runs streaming SGD (sgd-ode.md §8, {@link StreamingSimulator}) or, with
 * {@code --solver hsgd}, homogenized SGD (its SDE by Euler–Maruyama with step 1/d, §6, {@link HomogenizedSgd}) on
 * the same problem {@code --seeds} times from X₀ = 0 with X* uniform on the unit sphere (drawn per run), and prints
 * {@code t,risk_mean,risk_sd,lr_mean,lr_sd}.
 * The risk of each record is the population risk of §1.3 evaluated in closed form (or by the model's quadrature)
 * from the recorded B = WᵀKW — never the per-sample loss; sd is the sample standard deviation over runs (n − 1;
 * NaN for one run).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run one-pass (streaming) SGD on fresh Gaussian samples, or homogenized SGD (--solver "
                + "hsgd: its SDE by Euler-Maruyama with step 1/d), for the given problem, --seeds "
                + "times, and write CSV with header t,risk_mean,risk_sd,lr_mean,lr_sd (sample mean and standard "
                + "deviation over the runs; risk = population risk, KL for logistic).",
            "Defaults: X0 = 0, X* uniform on the unit sphere (drawn per run). Times are rounded to steps k/d; "
                + "t = 0 is always recorded.",
            "Exit code: 0 done, 1 a run diverged (rows up to the first divergence are printed), 2 bad flags."})
final class SimulateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ProblemOptions problem;

    @Option(names = "--solver", paramLabel = "sgd|hsgd", defaultValue = "sgd", converter = Converters.SolverName.class,
            description = "sgd: streaming SGD; hsgd: homogenized SGD (sgd-ode.md §6), same problem, grid and "
                    + "columns. Default: ${DEFAULT-VALUE}.")
    Converters.Solver solver;

    @Option(names = "--seeds", paramLabel = "M", defaultValue = "10",
            description = "Number of independent runs. Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + ReproduceCommand.DEFAULT_SEED,
            description = "Master seed; run i uses the i-th split stream. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (results do not depend on it). Default: the number of cores.")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        var cl = spec.commandLine();
        if (seeds < 1) {
            throw new CommandLine.ParameterException(cl, "--seeds must be >= 1, got " + seeds);
        }
        if (threads != null && threads < 1) {
            throw new CommandLine.ParameterException(cl, "--threads must be >= 1, got " + threads);
        }
        var p = problem.problem(cl);
        SimulationSpec sim = ProblemOptions.orUsageError(cl, () -> SimulationSpec.of(
                Covariance.diagonal(p.spectrum()), p.model().labels(p.noise()), p.lr(),
                p.warm() == null ? InitialCondition.zeroStartUnitTarget()
                        : InitialCondition.warmStart(p.warm().alpha(), p.warm().rho()),
                StepGrid.of(p.times(), p.d())));
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        var runs = solver == Converters.Solver.HSGD ? HomogenizedSgd.runMany(sim, seed, seeds, nThreads)
                : StreamingSimulator.runMany(sim, seed, seeds, nThreads);
        var theoryModel = GlmModel.of(p.model());
        double noiseVar = p.noise() * p.noise();

        int rows = Integer.MAX_VALUE;
        var diverged = new ArrayList<Outcome.Diverged<RunTrajectory>>();
        for (var r : runs) {
            rows = Math.min(rows, r.value().trajectory().size());
            if (r instanceof Outcome.Diverged<RunTrajectory> d) {
                diverged.add(d);
            }
        }
        var times = runs.getFirst().value().trajectory().times();
        try (var out = problem.output(cl)) {
            out.println("t,risk_mean,risk_sd,lr_mean,lr_sd");
            var risk = new double[runs.size()];
            var lr = new double[runs.size()];
            for (int j = 0; j < rows; j++) {
                for (int r = 0; r < runs.size(); r++) {
                    var tr = runs.get(r).value().trajectory();
                    risk[r] = theoryModel.terms(tr.b11()[j], tr.b12()[j], tr.b22()[j], noiseVar).risk();
                    lr[r] = tr.learningRates()[j];
                }
                out.println(times[j] + "," + mean(risk) + "," + sd(risk) + "," + mean(lr) + "," + sd(lr));
            }
            out.flush();
        }
        if (!diverged.isEmpty()) {
            var first = diverged.stream().min((a, b) -> Long.compare(a.step(), b.step())).orElseThrow();
            cl.getErr().println("optdyn simulate: " + diverged.size() + " of " + runs.size() + " runs diverged; "
                    + "first: run " + first.partial().run() + " at step " + first.step() + " (t = " + first.time()
                    + "): " + first.reason() + " (rows stop before it)");
            cl.getErr().flush();
            return ExitCodes.CLAIM_FAILED;
        }
        return ExitCodes.OK;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Sample standard deviation (n − 1); NaN for a single value. */
    static double sd(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

}
