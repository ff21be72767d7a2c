package org.optdyn.verification.dln;

import java.util.List;
import org.optdyn.verification.experiment.Experiment;

/**
 * The issue-12 suite: streaming SGD on diagonal linear networks against diagonal-networks.md (§2 balancing, §8
 * protocol).
 */
public final class DlnExperiments {

    private DlnExperiments() {
    }

    /** @return the experiments of this suite, in report order. */
    public static List<Experiment> all() {
        return List.of(new ImbalanceBalancing(), new DlnFluctuations(), new DlnTrajectories(), new DlnBlowUp(),
                new DlnLongTimeRate(), new DlnLeastSquaresLimit(), new DlnRiskBalance(), new DlnParametrisationEquivalence());
    }
}
