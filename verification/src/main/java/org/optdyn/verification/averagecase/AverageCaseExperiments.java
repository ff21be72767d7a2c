package org.optdyn.verification.averagecase;

import java.util.List;

import org.optdyn.verification.experiment.Experiment;

/** The average-case suite, in report order. */
public final class AverageCaseExperiments {

    private AverageCaseExperiments() {
    }

    /** @return the experiments of docs/theory/average-case.md. */
    public static List<Experiment> all() {
        return List.of(new WishartCurvesExperiment(), new EdgeUniversalityExperiment(), new GcmOptimalityExperiment());
    }
}
