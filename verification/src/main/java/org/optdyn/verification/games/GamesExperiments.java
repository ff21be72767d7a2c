package org.optdyn.verification.games;

import java.util.List;

import org.optdyn.verification.experiment.Experiment;

/** The smooth-games suite (issue 6): spectral shapes against simulation. */
public final class GamesExperiments {

    private GamesExperiments() {
    }

    /** @return the suite's experiments, in report order. */
    public static List<Experiment> all() {
        return List.of(new ShapeRatesExperiment(), new BilinearMethodsExperiment(), new ContinuumExperiment(),
                new AcceleratedConsensusExperiment(), new SpectralChecksExperiment());
    }
}
