package org.optdyn.verification.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.optdyn.verification.experiment.RunConfig;

/**
 * One {@code reproduce} run: the configuration shared by all experiments and what each of them produced.
 *
 * @param size     experiment size
 * @param seed     master seed passed to every experiment
 * @param threads  worker threads
 * @param started  start time (UTC)
 * @param elapsed  total wall-clock time
 * @param outcomes one outcome per experiment, in run order
 * @param sabotage whether every experiment perturbed its own prediction by its resolution (such a run must fail)
 */
public record RunSummary(RunConfig.Size size, long seed, int threads, Instant started, Duration elapsed,
                         List<ExperimentOutcome> outcomes, boolean sabotage) {

    public RunSummary {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(elapsed, "elapsed");
        outcomes = List.copyOf(outcomes);
    }

    /** A run that is not sabotaged. */
    public RunSummary(RunConfig.Size size, long seed, int threads, Instant started, Duration elapsed,
                      List<ExperimentOutcome> outcomes) {
        this(size, seed, threads, started, elapsed, outcomes, false);
    }

    /** @return whether every experiment ran and every one of its claims held */
    public boolean passed() {
        return !outcomes.isEmpty() && outcomes.stream().allMatch(ExperimentOutcome::passed);
    }

    /** @return the command that regenerates {@code experiment} with exactly this run's size and seed */
    public String regenerateCommand(String experiment) {
        return "./optdyn reproduce " + experiment + " --size " + size.name().toLowerCase(java.util.Locale.ROOT)
                + " --seed " + seed + (sabotage ? " --sabotage" : "");
    }
}
