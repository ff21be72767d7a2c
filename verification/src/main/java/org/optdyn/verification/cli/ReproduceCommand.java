package org.optdyn.verification.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.optdyn.verification.experiment.Experiment;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.report.ExperimentOutcome;
import org.optdyn.verification.report.Fmt;
import org.optdyn.verification.report.ReportWriter;
import org.optdyn.verification.report.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code optdyn reproduce}: runs experiments of the catalogue, writes the report, prints the summary table, and
 * exits with {@link ExitCodes#CLAIM_FAILED} if any claim fails (or an experiment stops with an error).
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run experiments (theory against simulation), write a report (index.html with plots, one "
                + "CSV per curve, summary.json) and print a summary table.",
            "Exit code: 0 if every claim holds, 1 if any claim fails (always, under --sabotage, unless the oracle is "
                    + "broken), 2 for bad flags or an unwritable --out."})
final class ReproduceCommand implements Callable<Integer> {

    /** The default master seed (the same as the JUnit suite's). */
    static final long DEFAULT_SEED = 20261202L;

    private final Supplier<List<Experiment>> catalogue;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..*",
            description = "Experiments to run (see 'optdyn list'). None, or --all, runs every experiment.")
    List<String> names = new ArrayList<>();

    @Option(names = "--all", description = "Run every experiment of the catalogue.")
    boolean all;

    @Option(names = "--size", paramLabel = "test|full", defaultValue = "full",
            description = "test: the sizes of the JUnit suite (fast); full: paper-size runs (minutes). "
                    + "Default: ${DEFAULT-VALUE}.")
    RunConfig.Size size;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + DEFAULT_SEED,
            description = "Master seed; every random stream is split from it. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (results do not depend on it). Default: the number of cores.")
    Integer threads;

    @Option(names = "--sabotage",
            description = "Prove the oracle can say no: each experiment perturbs its own prediction by its stated "
                    + "resolution (the smallest error it claims to detect), so every experiment must fail and the "
                    + "command exits 1. The report is marked as sabotaged.")
    boolean sabotage;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "report",
            description = "Report folder, replaced atomically. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--progress", paramLabel = "auto|bar|lines|none", defaultValue = "auto",
            description = "Progress display: a bar on a terminal, periodic lines otherwise. Default: ${DEFAULT-VALUE}.")
    ProgressReporter.Mode progress;

    ReproduceCommand(Supplier<List<Experiment>> catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Integer call() throws IOException {
        var cl = spec.commandLine();
        if (all && !names.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "give experiment names or --all, not both");
        }
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (nThreads < 1) {
            throw new CommandLine.ParameterException(cl, "--threads must be at least 1, got " + nThreads);
        }
        var selected = select(catalogue.get());
        ReportWriter.checkReplaceable(out.toAbsolutePath().normalize()); // fail before hours of work

        var reporter = ProgressReporter.of(progress, cl.getErr());
        var started = Instant.now();
        long t0 = System.nanoTime();
        var outcomes = new ArrayList<ExperimentOutcome>();
        for (int i = 0; i < selected.size(); i++) {
            var e = selected.get(i);
            var sink = reporter.start(i + 1, selected.size(), e.name());
            var outcome = runOne(e, new RunConfig(size, seed, nThreads, sink, sabotage));
            reporter.finish(i + 1, selected.size(), outcome);
            outcomes.add(outcome);
        }
        var run = new RunSummary(size, seed, nThreads, started, Duration.ofNanos(System.nanoTime() - t0), outcomes,
                sabotage);
        long w0 = System.nanoTime();
        var written = ReportWriter.write(out, run);
        var writeTime = Duration.ofNanos(System.nanoTime() - w0);
        var o = cl.getOut();
        o.println();
        o.print(SummaryTable.render(run));
        o.println("Report: " + written.resolve("index.html") + " (written in "
                + Fmt.seconds(writeTime) + ")");
        o.flush();
        return run.passed() ? ExitCodes.OK : ExitCodes.CLAIM_FAILED;
    }

    /** Runs one experiment; an exception becomes a {@link ExperimentOutcome.Failed} outcome. */
    static ExperimentOutcome runOne(Experiment e, RunConfig config) {
        var info = ExperimentOutcome.Info.of(e);
        long t0 = System.nanoTime();
        try {
            var result = e.run(config);
            return new ExperimentOutcome.Completed(info, result, Duration.ofNanos(System.nanoTime() - t0));
        } catch (RuntimeException | StackOverflowError | AssertionError ex) {
            return new ExperimentOutcome.Failed(info, ex.getClass().getSimpleName() + ": " + ex.getMessage(),
                    Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    private List<Experiment> select(List<Experiment> available) {
        if (names.isEmpty()) {
            if (available.isEmpty()) {
                throw new UsageException("the experiment catalogue is empty: nothing to reproduce");
            }
            return available;
        }
        var byName = new java.util.LinkedHashMap<String, Experiment>();
        available.forEach(e -> byName.put(e.name(), e));
        var chosen = new LinkedHashSet<Experiment>();
        for (var n : names) {
            var e = byName.get(n);
            if (e == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown experiment '" + n
                        + "'; known: " + (byName.isEmpty() ? "(none)" : String.join(", ", byName.keySet())));
            }
            chosen.add(e);
        }
        return List.copyOf(chosen);
    }
}
