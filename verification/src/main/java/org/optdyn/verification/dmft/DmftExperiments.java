package org.optdyn.verification.dmft;

import java.util.List;
import org.optdyn.verification.experiment.Experiment;

/**
 * The issue-11 suite: the discrete-time DMFT of first-order methods on Gaussian empirical risks (theory) against
 * finite-d multi-pass ERM (engine), dmft.md §7–§8.
 */
public final class DmftExperiments {

    private DmftExperiments() {
    }

    /** @return the experiments of this suite, in report order. */
    public static List<Experiment> all() {
        return List.of(new SquareLossAgreement(), new BatchInvariance(), new FluctuationScaling(),
                new MonteCarloAgreement());
    }
}
