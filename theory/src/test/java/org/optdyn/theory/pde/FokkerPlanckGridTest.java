package org.optdyn.theory.pde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.optdyn.engine.dln.DlnProblem;
import org.optdyn.engine.dln.DlnTrajectory;
import org.optdyn.engine.dln.Parametrisation;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.stream.TimeGrid;

/**
 * The particle-free PDE solver of diagonal-networks.md §5 ({@link FokkerPlanckGrid}): its order, its agreement with
 * the particle solver (an independent discretisation of the same PDE) within the two error estimates, and the spec's
 * values N2 and N7.
 *
 * <p>Tolerances: {@code |grid - other| <= eps_grid + eps_other + h}, with {@code eps_grid} the refinement estimate
 * {@code |x_coarse - x_fine|} (a bound for a scheme of order at least 1, which the first test establishes),
 * {@code eps_other} the particle error estimate ({@link ParticleEstimate}) or the uncertainty the spec states for its
 * own number, and {@code h} half a unit of the spec's last printed digit. The seeds are fixed, so the suite is
 * deterministic.
 */
class FokkerPlanckGridTest {

    private static final long SEED = 7;

    private static void assertWithin(String what, double ours, double oursError, double other, double otherError,
                                     double lastDigit) {
        double tol = oursError + otherError + lastDigit / 2;
        assertThat(ours).as("%s: grid %s (error %s) vs %s (error %s)", what, ours, oursError, other, otherError)
                .isCloseTo(other, within(tol));
    }

    /**
     * Second order: halving h and dt (N2's setting, t = 1 and 2) divides the change of the risk by about 4; an
     * observed ratio of at least 3 (order at least 1.58) makes {@code |coarse - fine|} a bound on the fine error with
     * room to spare, which is what {@link FokkerPlanckGrid#estimate} relies on.
     */
    @Test
    void refinementConvergesAtSecondOrder() {
        var problem = DlnProblem.n1(100, 0.5, 0.3, TimeGrid.of(1, 2));
        var g = new FokkerPlanckGrid(401, 4, 0.004);
        DlnTrajectory a = g.solve(problem).orElseThrow().trajectory();
        DlnTrajectory b = g.refined().solve(problem).orElseThrow().trajectory();
        DlnTrajectory c = g.refined().refined().solve(problem).orElseThrow().trajectory();
        for (int i = 1; i <= 2; i++) {
            double ratio = Math.abs(a.risk()[i] - b.risk()[i]) / Math.abs(b.risk()[i] - c.risk()[i]);
            assertThat(ratio).as("t = %s: change ratio of R", a.times()[i]).isBetween(3.0, 5.0);
            double ratioL = Math.abs(a.l1()[i] - b.l1()[i]) / Math.abs(b.l1()[i] - c.l1()[i]);
            assertThat(ratioL).as("t = %s: change ratio of l1", a.times()[i]).isBetween(3.0, 5.0);
        }
    }

    /** N2 (sigma = 0.3, gamma = 0.5): the grid against the particles (M = 4e4) and the spec's values at t = 1, 2, 4. */
    @Test
    void n2AgreesWithTheParticlesAndTheSpec() {
        var problem = DlnProblem.n1(4000, 0.5, 0.3, TimeGrid.of(1, 2, 4));
        var grid = FokkerPlanckGrid.defaults().estimate(problem).orElseThrow();
        var part = ParticleSolver.defaults().estimate(ParticleSolver.replicate(problem, 10), SEED).orElseThrow();
        DlnTrajectory x = grid.trajectory();
        DlnTrajectory e = grid.error();
        DlnTrajectory p = part.trajectory();
        DlnTrajectory pe = part.error();
        for (int i = 1; i <= 3; i++) {
            String t = "t = " + x.times()[i] + " ";
            assertWithin(t + "R", x.risk()[i], e.risk()[i], p.risk()[i], pe.risk()[i], 0);
            assertWithin(t + "kappa", x.curvature()[i], e.curvature()[i], p.curvature()[i], pe.curvature()[i], 0);
            assertWithin(t + "imbalance", x.imbalance()[i], e.imbalance()[i], p.imbalance()[i], pe.imbalance()[i], 0);
            assertWithin(t + "l1", x.l1()[i], e.l1()[i], p.l1()[i], pe.l1()[i], 0);
            assertWithin(t + "distance", x.distance()[i], e.distance()[i], p.distance()[i], pe.distance()[i], 0);
        }
        // the spec's particle column, with its practical errors 3e-4 for R, 2e-3 for kappa and l, 5e-4 for c (its
        // closed-form imbalance column uses the particles' integrated risk, so it carries the same error)
        double[][] spec = {{1, 0.09398, 1.0878, 0.94429, 0.1945}, {2, 0.07653, 1.1220, 0.90630, 0.2440},
            {4, 0.06543, 1.0985, 0.84707, 0.2754}};
        for (int i = 1; i <= 3; i++) {
            double[] row = spec[i - 1];
            String t = "t = " + row[0] + " spec ";
            assertWithin(t + "R", x.risk()[i], e.risk()[i], row[1], 3e-4, 1e-5);
            assertWithin(t + "kappa", x.curvature()[i], e.curvature()[i], row[2], 2e-3, 1e-4);
            assertWithin(t + "imbalance", x.imbalance()[i], e.imbalance()[i], row[3], 5e-4, 1e-5);
            assertWithin(t + "l1", x.l1()[i], e.l1()[i], row[4], 2e-3, 1e-4);
        }
    }

    /**
     * N7 at gamma = 2 (sigma = 0): the spec's corrected values R(0.1, 0.2, 0.3) = 0.1046, 0.1120, 0.1152 (its SGD sd
     * 2e-4, 3e-4, 4e-4) and R(1.1) = 0.0571. At gamma = 3 the grid and the particles (dt = 0.001, with their Richardson
     * bias term) agree on the peak R(0.3) = 0.490 (the spec's 0.5239 is the O(dt) bias of one dt = 0.002 particle run).
     */
    @Test
    void n7PeaksAgreeWithTheCorrectedValuesAndTheParticles() {
        var two = DlnProblem.n1(4000, 2, 0, TimeGrid.of(0.1, 0.2, 0.3, 1.1));
        var g = FokkerPlanckGrid.defaults().estimate(two).orElseThrow();
        double[] spec = {0.1, 0.1046, 0.1120, 0.1152, 0.0571};
        double[] sd = {0, 2e-4, 3e-4, 4e-4, 3e-4};
        for (int i = 1; i < 5; i++) {
            assertWithin("gamma 2, t = " + g.trajectory().times()[i], g.trajectory().risk()[i], g.error().risk()[i],
                    spec[i], sd[i], 1e-4);
        }
        var three = DlnProblem.n1(4000, 3, 0, TimeGrid.of(0.1, 0.2, 0.3));
        var g3 = new FokkerPlanckGrid(4001, 40, 0.002).estimate(three).orElseThrow();
        var p3 = new ParticleSolver(0.001).estimate(ParticleSolver.replicate(three, 10), SEED).orElseThrow();
        for (int i = 1; i < 4; i++) {
            assertWithin("gamma 3, t = " + g3.trajectory().times()[i], g3.trajectory().risk()[i], g3.error().risk()[i],
                    p3.trajectory().risk()[i], p3.error().risk()[i], 0);
        }
        assertThat(g3.trajectory().risk()[3]).as("gamma 3 peak vs the spec's 0.5239").isLessThan(0.5239 - 0.02);
        assertThat(g3.trajectory().imbalance()[2]).as("gamma 3: c at t = 0.2 (the spec says it starts falling there "
                + "from 1)").isCloseTo(0.504, within(0.002));
    }

    /** A domain too small for the tails, and a blow-up, are divergences with their time, never silent garbage. */
    @Test
    void massAtTheDomainEdgeIsReportedAsDivergence() {
        var narrow = new FokkerPlanckGrid(801, 4, 0.002).solve(DlnProblem.n1(4000, 2, 0, TimeGrid.of(0.1, 0.3)));
        assertThat(narrow).isInstanceOf(Outcome.Diverged.class);
        var d = (Outcome.Diverged<GridSolution>) narrow;
        assertThat(d.reason()).contains("domain edge |theta| = 4.0");
        assertThat(d.time()).isBetween(0.02, 0.1);
        assertThat(d.partial().trajectory().times()).containsExactly(0);
        var blowUp = FokkerPlanckGrid.defaults().solve(DlnProblem.n1(4000, 3.5, 0, TimeGrid.of(0.1, 0.2, 0.3)));
        assertThat(blowUp).isInstanceOf(Outcome.Diverged.class);
        assertThat(((Outcome.Diverged<GridSolution>) blowUp).time()).isLessThan(0.3);
    }

    @Test
    void squaresProblemIsTheProductOneAtTwiceTheStep() {
        var product = DlnProblem.n1(100, 0.6, 0.3, TimeGrid.of(0.5, 1));
        var squares = product.withGamma(0.3).withParametrisation(Parametrisation.SQUARES);
        var g = new FokkerPlanckGrid(801, 4, 0.01);
        assertThat(g.solve(squares).orElseThrow()).isEqualTo(g.solve(product).orElseThrow());
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> new FokkerPlanckGrid(200, 4, 0.01)).hasMessageContaining("cells must be odd");
        assertThatThrownBy(() -> new FokkerPlanckGrid(201, 0, 0.01)).hasMessageContaining("halfWidth");
        assertThatThrownBy(() -> new FokkerPlanckGrid(201, 4, Double.NaN)).hasMessageContaining("dt");
        var g = new FokkerPlanckGrid(201, 4, 0.01);
        assertThatThrownBy(() -> g.estimate(DlnProblem.n1(10, 0.5, 0, TimeGrid.of(0.015))))
                .hasMessageContaining("multiples of dt");
    }
}
