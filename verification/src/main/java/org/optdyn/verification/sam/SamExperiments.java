package org.optdyn.verification.sam;

import java.util.List;
import org.optdyn.verification.experiment.Experiment;

/** The issue-13 (b) suite: SAM and preconditioned SAM against sam.md §5. */
public final class SamExperiments {

    private SamExperiments() {
    }

    /** @return the experiments of this suite, in report order. */
    public static List<Experiment> all() {
        return List.of(new StabilityThresholds(), new TwoCycles(), new Potholes());
    }
}
