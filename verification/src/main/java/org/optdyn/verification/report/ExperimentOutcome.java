package org.optdyn.verification.report;

import java.time.Duration;
import java.util.Objects;
import org.optdyn.verification.experiment.Experiment;
import org.optdyn.verification.experiment.ExperimentResult;

/**
 * What happened when one experiment was run: it completed (its checks may pass or fail), or it threw.
 * A thrown exception is an outcome of the run, reported in the summary and the report, never a crash of the
 * whole {@code reproduce} command.
 */
public sealed interface ExperimentOutcome {

    /** @return the experiment's name, claim and source */
    Info info();

    /** @return wall-clock time of the run */
    Duration elapsed();

    /** @return whether every claim of the experiment held */
    boolean passed();

    /** @return "PASS", "FAIL" or "ERROR" */
    default String status() {
        return switch (this) {
            case Completed c -> c.result().passed() ? "PASS" : "FAIL";
            case Failed f -> "ERROR";
        };
    }

    /**
     * The descriptive part of an experiment.
     *
     * @param name   kebab-case identifier
     * @param claim  the claim in words
     * @param source paper, theorem, theory-doc section
     */
    record Info(String name, String claim, String source) {
        public Info {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(claim, "claim");
            Objects.requireNonNull(source, "source");
        }

        /** @return the info of {@code e} */
        public static Info of(Experiment e) {
            return new Info(e.name(), e.claim(), e.source());
        }
    }

    /** The experiment ran to the end; {@link ExperimentResult#passed()} says whether its claims held. */
    record Completed(Info info, ExperimentResult result, Duration elapsed) implements ExperimentOutcome {
        public Completed {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(elapsed, "elapsed");
        }

        @Override
        public boolean passed() {
            return result.passed();
        }
    }

    /**
     * The experiment threw before producing a result.
     *
     * @param error one-line description: exception class and message
     */
    record Failed(Info info, String error, Duration elapsed) implements ExperimentOutcome {
        public Failed {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(elapsed, "elapsed");
        }

        @Override
        public boolean passed() {
            return false;
        }
    }
}
