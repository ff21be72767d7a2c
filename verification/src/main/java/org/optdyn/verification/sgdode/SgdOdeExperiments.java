package org.optdyn.verification.sgdode;

import java.util.List;
import org.optdyn.verification.experiment.Experiment;

/**
 * The issue-3 suite: streaming SGD (engine) against the high-line ODE (theory), sgd-ode.md §7–§8.
 */
public final class SgdOdeExperiments {

    private SgdOdeExperiments() {
    }

    /** @return the experiments of this suite, in report order. */
    public static List<Experiment> all() {
        return List.of(new LeastSquaresConcentration(), new AdaGradLeastSquares(), new AdaGradLogistic(),
                new PhaseRetrievalConstant(), new AdaGradNoiselessLimit(), new PowerLawPhaseTransition(),
                new LineSearchVersusFixed(), new StabilityThreshold(), new VolterraVersusOde(), new HsgdLeastSquares(),
                new HsgdAdaGradLogistic(), new RotatedCovariance());
    }
}
