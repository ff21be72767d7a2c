package org.optdyn.verification.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.optdyn.engine.erm.CovarianceClasses;
import org.optdyn.engine.erm.ErmLoss;
import org.optdyn.engine.erm.ErmMethod;
import org.optdyn.engine.erm.ErmProblem;
import org.optdyn.engine.erm.ErmSimulator;
import org.optdyn.engine.erm.ErmTrajectory;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.theory.dmft.DmftSolution;
import org.optdyn.theory.dmft.MonteCarloDmft;
import org.optdyn.theory.dmft.MonteCarloDmftSolution;
import org.optdyn.theory.dmft.SquareLossDmft;
import org.optdyn.verification.experiment.Statistics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code optdyn dmft}: the discrete-time DMFT of a first-order method on a Gaussian empirical risk (dmft.md), printed
 * as CSV {@code step,m,q,train_loss,test_loss} for steps {@code 0..T}, with {@code m = theta^t . Sigma theta* / d} and
 * {@code q = theta^t . Sigma theta^t / d}. The square loss is solved exactly ({@link SquareLossDmft}). Other losses, and
 * the square loss with {@code --samples M}, are solved by Monte Carlo ({@link MonteCarloDmft#solveReplicated}):
 * {@code R = --replicates} independent sweeps of {@code floor(M/R)} paths from {@code --seed}, whose mean is printed
 * with the between-sweep standard errors, CSV {@code step,m,q,train_loss,test_loss,train_loss_se,test_loss_se} (for the
 * logistic loss {@code test_loss} is the classification test error). A divergence
 * prints the rows before it, one line on standard error, and exits with code 1. With {@code --simulate --d D --runs R}
 * the same problem is simulated at dimension {@code D} ({@link ErmSimulator}) and the CSV has the run mean and sample
 * sd of each observable; a diverged run prints the rows every run reached and names the run and step.
 */
@Command(name = "dmft", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Solve the DMFT of GD, SGD (Bernoulli batch fraction b), heavy ball or Nesterov on the empirical "
                + "risk sum_mu l(x_mu.theta; y_mu) + (lambda/2)|theta|^2 with n = alpha d Gaussian rows N(0, Sigma/d) "
                + "(dmft.md §1), and write CSV with header step,m,q,train_loss,test_loss.",
            "The square loss is solved exactly (dmft.md §3). Other losses, and the square loss with --samples M, are "
                + "solved by Monte Carlo (dmft.md §4): --replicates R independent sweeps of M/R paths (rounded down) "
                + "from --seed; CSV step,m,q,train_loss,test_loss,train_loss_se,test_loss_se with the mean over the "
                + "sweeps and its standard error sd/sqrt(R) (for --loss logistic, test_loss is the classification test "
                + "error).",
            "--simulate --d D --runs R runs the finite-d "
                + "simulation instead (dmft.md §8). Exit code: 0 solved, 1 diverged (rows up to the divergence are "
                + "printed), 2 bad flags."})
final class DmftCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--loss", paramLabel = "square|logistic", defaultValue = "square",
            description = "Loss and label model. Default: ${DEFAULT-VALUE}.")
    String loss;

    @Option(names = "--alpha", paramLabel = "A", required = true, description = "Samples per dimension n/d > 0.")
    double alpha;

    @Option(names = "--ridge", paramLabel = "LAMBDA", defaultValue = "0", description = "Ridge lambda >= 0. "
            + "Default: ${DEFAULT-VALUE}.")
    double ridge;

    @Option(names = "--lr", paramLabel = "ETA", required = true, description = "Learning rate eta > 0.")
    double lr;

    @Option(names = "--steps", paramLabel = "T", required = true, description = "Number of steps T >= 0.")
    int steps;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "1",
            description = "Bernoulli batch fraction b in (0, 1] (1: full batch). Default: ${DEFAULT-VALUE}.")
    double batch;

    @Option(names = "--batch-norm", paramLabel = "sum|mean", defaultValue = "mean",
            description = "mean: kappa_b = 1/b (the expected step is the full-batch step); sum: kappa_b = 1 (the "
                    + "reference values of dmft.md §6). Default: ${DEFAULT-VALUE}.")
    String batchNorm;

    @Option(names = "--method", paramLabel = "gd|heavy-ball:BETA|nesterov:BETA", defaultValue = "gd",
            description = "The iteration. Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--langevin", paramLabel = "TEMP", defaultValue = "0",
            description = "Langevin temperature T_L >= 0 (adds sqrt(2 eta T_L) N(0, I) per step). Default: "
                    + "${DEFAULT-VALUE}.")
    double langevin;

    @Option(names = "--rho", paramLabel = "R", defaultValue = "1", description = "Teacher second moment rho > 0. "
            + "Default: ${DEFAULT-VALUE}.")
    double rho;

    @Option(names = "--noise", paramLabel = "SIGMA", defaultValue = "0", description = "Label noise sigma >= 0. "
            + "Default: ${DEFAULT-VALUE}.")
    double noise;

    @Option(names = "--m0", paramLabel = "M0", defaultValue = "0", description = "Initial overlap E theta0_i theta*_i. "
            + "Default: ${DEFAULT-VALUE}.")
    double m0;

    @Option(names = "--q0", paramLabel = "Q0", defaultValue = "0", description = "Initial second moment E theta0_i^2. "
            + "Default: ${DEFAULT-VALUE}.")
    double q0;

    @Option(names = "--covariance", paramLabel = "identity|classes:W1:OMEGA1,...", defaultValue = "identity",
            description = "Sigma: the identity, or classes of weight W_k and eigenvalue OMEGA_k (weights sum to 1). "
                    + "Default: ${DEFAULT-VALUE}.")
    String covariance;

    @Option(names = "--samples", paramLabel = "M", description = "Monte-Carlo paths in all, split into --replicates "
            + "sweeps (any loss other than square; with --loss square it selects the Monte-Carlo solver). Default: "
            + DEFAULT_SAMPLES + ".")
    Integer samples;

    @Option(names = "--replicates", paramLabel = "R", description = "Independent Monte-Carlo sweeps (>= 2), whose "
            + "spread gives the standard errors. Default: " + DEFAULT_REPLICATES + ".")
    Integer replicates;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed of the simulation (--simulate) or of the "
            + "Monte-Carlo solver. Default: " + DEFAULT_SEED + ".")
    Long seed;

    @Option(names = "--simulate", description = "Run the finite-d simulation (dmft.md §8) instead of the theory: CSV "
            + "step,m_mean,m_sd,q_mean,train_loss_mean,train_loss_sd,test_loss_mean,test_loss_sd (sd over runs; for "
            + "the logistic loss test_loss is the test error).")
    boolean simulate;

    @Option(names = "--d", paramLabel = "D", description = "Dimension of the simulation (with --simulate).")
    Integer dimension;

    @Option(names = "--runs", paramLabel = "R", description = "Runs of the simulation (with --simulate).")
    Integer runs;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads of the simulation or of the "
            + "Monte-Carlo solver (results do not depend on it). Default: the number of cores.")
    Integer threads;

    private static final long DEFAULT_SEED = 1;
    private static final int DEFAULT_SAMPLES = 100_000;
    private static final int DEFAULT_REPLICATES = 10;

    @Override
    public Integer call() {
        var cl = spec.commandLine();
        if (!simulate && (dimension != null || runs != null)) {
            throw new CommandLine.ParameterException(cl, "--d and --runs need --simulate");
        }
        ErmProblem problem = ProblemOptions.orUsageError(cl, () -> new ErmProblem(ErmLoss.parse(loss), alpha, ridge, lr,
                steps, batch, ErmProblem.BatchNorm.parse(batchNorm), ErmMethod.parse(method), langevin, rho, noise, m0,
                q0, CovarianceClasses.parse(covariance)));
        if (simulate) {
            return simulate(cl, problem);
        }
        if (samples != null || !(problem.loss() instanceof ErmLoss.Square)) {
            return monteCarlo(cl, problem);
        }
        if (seed != null || threads != null || replicates != null) {
            throw new CommandLine.ParameterException(cl, "--seed, --threads and --replicates apply to --simulate or to "
                    + "the Monte-Carlo solver (--samples M); the square loss is solved exactly");
        }
        Outcome<DmftSolution> outcome = ProblemOptions.orUsageError(cl, () -> SquareLossDmft.solve(problem));
        var s = outcome.value();
        var out = cl.getOut();
        out.println("step,m,q,train_loss,test_loss");
        for (int t = 0; t < s.size(); t++) {
            out.println(t + "," + s.m()[t] + "," + s.q()[t] + "," + s.trainLoss()[t] + "," + s.testLoss()[t]);
        }
        out.flush();
        return exitCode(cl, outcome);
    }

    /** The Monte-Carlo solver: {@link MonteCarloDmft#solveReplicated}, {@code R} sweeps of {@code M/R} paths. */
    private int monteCarlo(CommandLine cl, ErmProblem problem) {
        int total = samples == null ? DEFAULT_SAMPLES : samples;
        int reps = replicates == null ? DEFAULT_REPLICATES : replicates;
        if (reps < 2) {
            throw new CommandLine.ParameterException(cl, "--replicates must be >= 2 (the standard errors are the "
                    + "spread of the replicates), got " + reps);
        }
        if (total < 2L * reps) {
            throw new CommandLine.ParameterException(cl, "--samples must be at least 2 paths per replicate (>= "
                    + 2L * reps + " for " + reps + " replicates), got " + total);
        }
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        long masterSeed = seed == null ? DEFAULT_SEED : seed;
        Outcome<MonteCarloDmftSolution> outcome = ProblemOptions.orUsageError(cl,
                () -> MonteCarloDmft.solveReplicated(problem, total / reps, masterSeed, reps, nThreads));
        var mc = outcome.value();
        var s = mc.solution();
        var out = cl.getOut();
        out.println("step,m,q,train_loss,test_loss,train_loss_se,test_loss_se");
        for (int t = 0; t < s.size(); t++) {
            out.println(t + "," + s.m()[t] + "," + s.q()[t] + "," + s.trainLoss()[t] + "," + s.testLoss()[t] + ","
                    + mc.trainLossSe()[t] + "," + mc.testLossSe()[t]);
        }
        out.flush();
        return exitCode(cl, outcome);
    }

    /** @return 0 if the solve completed; 1, after one line on standard error, if it diverged */
    private static int exitCode(CommandLine cl, Outcome<?> outcome) {
        if (outcome instanceof Outcome.Diverged<?> d) {
            cl.getErr().println("optdyn dmft: diverged at step " + d.step() + ": " + d.reason()
                    + " (rows stop before it)");
            cl.getErr().flush();
            return ExitCodes.CLAIM_FAILED;
        }
        return ExitCodes.OK;
    }

    /** {@code --simulate}: {@link ErmSimulator#runMany}, summarised per step over the runs. */
    private int simulate(CommandLine cl, ErmProblem problem) {
        if (dimension == null || runs == null) {
            throw new CommandLine.ParameterException(cl, "--simulate needs --d D and --runs R");
        }
        if (samples != null || replicates != null) {
            throw new CommandLine.ParameterException(cl, "--samples and --replicates apply to the Monte-Carlo solver, "
                    + "not to --simulate");
        }
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        long masterSeed = seed == null ? DEFAULT_SEED : seed;
        List<Outcome<ErmTrajectory>> outcomes = ProblemOptions.orUsageError(cl,
                () -> ErmSimulator.runMany(problem, dimension, masterSeed, runs, nThreads));
        int rows = outcomes.stream().mapToInt(o -> o.value().size()).min().orElseThrow();
        var out = cl.getOut();
        out.println("step,m_mean,m_sd,q_mean,train_loss_mean,train_loss_sd,test_loss_mean,test_loss_sd");
        for (int t = 0; t < rows; t++) {
            int time = t;
            double[] m = outcomes.stream().mapToDouble(o -> o.value().m()[time]).toArray();
            double[] q = outcomes.stream().mapToDouble(o -> o.value().q()[time]).toArray();
            double[] train = outcomes.stream().mapToDouble(o -> o.value().trainLoss()[time]).toArray();
            double[] test = outcomes.stream().mapToDouble(o -> o.value().testLoss()[time]).toArray();
            out.println(t + "," + Statistics.mean(m) + "," + Statistics.sampleSd(m) + "," + Statistics.mean(q) + ","
                    + Statistics.mean(train) + "," + Statistics.sampleSd(train) + "," + Statistics.mean(test) + ","
                    + Statistics.sampleSd(test));
        }
        out.flush();
        for (int r = 0; r < outcomes.size(); r++) {
            if (outcomes.get(r) instanceof Outcome.Diverged<ErmTrajectory> d) {
                cl.getErr().println("optdyn dmft --simulate: run " + r + " diverged at step " + d.step() + ": "
                        + d.reason() + " (rows stop before it)");
                cl.getErr().flush();
                return ExitCodes.CLAIM_FAILED;
            }
        }
        return ExitCodes.OK;
    }
}
