package org.optdyn.theory.pde;

import java.util.Arrays;
import java.util.Objects;
import org.optdyn.engine.dln.DlnTrajectory;

/**
 * One solve of the reduced Fokker–Planck equations on a grid ({@link FokkerPlanckGrid}), recorded at its grid times.
 *
 * @param trajectory     the observables
 * @param integratedRisk {@code I(t) = int_0^t R ds} at the recorded times (trapezoidal rule)
 * @param cells          the number of cells of the solve
 * @param halfWidth      the half-width {@code L} of the domain
 * @param dt             the time step
 */
public record GridSolution(DlnTrajectory trajectory, double[] integratedRisk, int cells, double halfWidth,
                           double dt) {

    public GridSolution {
        Objects.requireNonNull(trajectory, "trajectory");
        if (Objects.requireNonNull(integratedRisk, "integratedRisk").length != trajectory.size()) {
            throw new IllegalArgumentException("integratedRisk needs " + trajectory.size() + " values, got "
                    + integratedRisk.length);
        }
        integratedRisk = integratedRisk.clone();
    }

    @Override
    public double[] integratedRisk() {
        return integratedRisk.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridSolution g && trajectory.equals(g.trajectory)
                && Arrays.equals(integratedRisk, g.integratedRisk) && cells == g.cells && halfWidth == g.halfWidth
                && dt == g.dt;
    }

    @Override
    public int hashCode() {
        return Objects.hash(trajectory, Arrays.hashCode(integratedRisk), cells, halfWidth, dt);
    }

    @Override
    public String toString() {
        return "GridSolution[" + trajectory + ", " + cells + " cells on [-" + halfWidth + ", " + halfWidth + "], dt = "
                + dt + "]";
    }
}
