package org.optdyn.verification.adam;

import java.util.List;
import org.optdyn.verification.experiment.Experiment;

/** The issue-13 Adam suite: adam-rotation.md E1, E2 and E2′, the MLP scopes, and the equivariance facts (A2–A4). */
public final class AdamRotationExperiments {

    private AdamRotationExperiments() {
    }

    /** @return the experiments of this suite, in report order. */
    public static List<Experiment> all() {
        return List.of(new AxisAlignedVsRotated(), new EigenAlignedBasis(), new SvdRotationBasis(),
                new MlpRotationScopes(), new RotationEquivariance(), new OrthogonalityIndicator(),
                new RotationHessian());
    }
}
