package org.optdyn.theory.pde;

import java.util.Objects;
import org.optdyn.engine.dln.DlnTrajectory;

/**
 * A grid solution with its refinement error estimate ({@link FokkerPlanckGrid#estimate}).
 *
 * @param value  the refined solve ({@code 2N + 1} cells, {@code dt/2})
 * @param error  {@code |x_coarse - x_fine|} per observable and recorded time: a bound on the fine solution's error
 *               for a scheme of order at least 1 in the refinement
 * @param coarse the coarse solve's trajectory ({@code N} cells, {@code dt})
 */
public record GridEstimate(GridSolution value, DlnTrajectory error, DlnTrajectory coarse) {

    public GridEstimate {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(coarse, "coarse");
    }

    /** @return the fine trajectory ({@code value().trajectory()}) */
    public DlnTrajectory trajectory() {
        return value.trajectory();
    }
}
