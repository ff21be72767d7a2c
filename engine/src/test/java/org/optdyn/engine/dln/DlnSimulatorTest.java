package org.optdyn.engine.dln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.stream.TimeGrid;

class DlnSimulatorTest {

    @Test
    void instanceN1StartsAtTheRiskOfDiagonalNetworksN1() {
        // N1: R(0) = (1/(2d)) sum k beta^2 + sigma^2/2 = (0.1 * 0.5 + 0.1 * 1.5)/2 + 0.045 = 0.145 for d a multiple of 10
        var o = DlnInstance.n1(1000).initial(0.3);
        assertThat(o.risk()).isCloseTo(0.145, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(o.curvature()).isEqualTo(1.0);   // mean k (u^2 + v^2) = mean k = 1
        assertThat(o.imbalance()).isEqualTo(1.0);
        assertThat(o.l1()).isZero();
        assertThat(o.distance()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-15));
    }

    /**
     * Every product step maps c_i = u_i^2 - v_i^2 to c_i (1 - gamma^2 e^2 x_i^2) exactly in real arithmetic
     * (diagonal-networks.md §1). In floating point the new u_i, v_i carry one rounding each (fma), and c_i' and the
     * prediction a few more, all relative to u_i^2 + v_i^2 (times 1 + s^2, s = gamma e x_i, which is below 2 here):
     * the deviation is below 16 units of 2^-53, 1.8e-15.
     */
    @Test
    void everyStepMultipliesTheImbalanceByOneMinusGammaSquaredESquaredXSquared() {
        var p = DlnProblem.n1(500, 0.5, 0.3, TimeGrid.of(1));
        assertThat(DlnSimulator.imbalanceIdentityError(p, 7, 0, 2000)).isLessThan(1.8e-15);
    }

    /**
     * N9: SGD on (w+, w-) with step gamma is SGD on (u, v) = (w+ + w-, w+ - w-) with step 2 gamma, on the same samples.
     * The two iterations round differently, so the trajectories agree to rounding growth over 2000 steps (6e-15
     * measured by diagonal-networks.md N9 on theta); the recorded risk and l1 agree to 1e-12 relative.
     */
    @Test
    void squaresWithStepGammaFollowTheProductWithStepTwoGamma() {
        var grid = TimeGrid.of(1, 2, 4);
        var product = DlnProblem.n1(500, 0.6, 0.3, grid);
        var squares = DlnProblem.n1(500, 0.3, 0.3, grid).withParametrisation(Parametrisation.SQUARES);
        DlnTrajectory a = DlnSimulator.run(product, 11, 0).orElseThrow();
        DlnTrajectory b = DlnSimulator.run(squares, 11, 0).orElseThrow();
        for (int j = 0; j < a.size(); j++) {
            assertThat(b.risk()[j]).isCloseTo(a.risk()[j], org.assertj.core.data.Percentage.withPercentage(1e-10));
            assertThat(b.l1()[j]).isCloseTo(a.l1()[j], org.assertj.core.data.Percentage.withPercentage(1e-10));
            assertThat(b.imbalance()[j]).isCloseTo(a.imbalance()[j],
                    org.assertj.core.data.Percentage.withPercentage(1e-10));
        }
    }

    @ParameterizedTest(name = "threads = {0}")
    @ValueSource(ints = {1, 2, 3})
    void runsDependOnlyOnTheSeedAndTheirIndexNotOnTheThreadCount(int threads) {
        var p = DlnProblem.n1(300, 0.5, 0.3, TimeGrid.linear(1, 5));
        var many = DlnSimulator.runMany(p, 5, 4, threads);
        for (int r = 0; r < 4; r++) {
            assertThat(many.get(r).value()).isEqualTo(DlnSimulator.run(p, 5, r).value());
        }
        assertThat(many.get(0).value()).isNotEqualTo(many.get(1).value());
    }

    @Test
    void recordsAtTheStepsNearestTheGridTimes() {
        var t = DlnSimulator.run(DlnProblem.n1(400, 0.5, 0, TimeGrid.of(0.5, 1.25)), 1, 0).orElseThrow();
        assertThat(t.times()).containsExactly(0, 0.5, 1.25);
        assertThat(t.risk()[0]).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(t.risk()[2]).isLessThan(t.risk()[0]);
    }

    /** N7: at gamma = 4 SGD on N1 (sigma = 0) blows up at t of about 0.1-0.2; the run reports it with its time. */
    @Test
    void aBlowUpIsADivergenceWithItsTimeAndTheRecordsBeforeIt() {
        var p = DlnProblem.n1(1000, 4.0, 0, TimeGrid.linear(2, 41));
        Outcome<DlnTrajectory> o = DlnSimulator.run(p, 3, 0);
        assertThat(o).isInstanceOf(Outcome.Diverged.class);
        var d = (Outcome.Diverged<DlnTrajectory>) o;
        assertThat(d.time()).isBetween(0.02, 1.0);
        assertThat(d.partial().size()).isGreaterThanOrEqualTo(1);
        assertThat(d.partial().times()[d.partial().size() - 1]).isLessThanOrEqualTo(d.time());
    }

    @Test
    void badInputIsRefusedNamingTheArgument() {
        assertThatThrownBy(() -> DlnProblem.n1(10, 0, 0, TimeGrid.of(1))).hasMessageContaining("gamma");
        assertThatThrownBy(() -> DlnProblem.n1(10, 1, -1, TimeGrid.of(1))).hasMessageContaining("sigma");
        assertThatThrownBy(() -> DlnInstance.n1(0)).hasMessageContaining("d must be");
        assertThatThrownBy(() -> new DlnInstance(new double[] {1, -1}, new double[2], new double[2], new double[2]))
                .hasMessageContaining("k[1]");
        assertThatThrownBy(() -> DlnSimulator.runMany(DlnProblem.n1(10, 1, 0, TimeGrid.of(1)), 1, 0, 1))
                .hasMessageContaining("runs");
        assertThatThrownBy(() -> Parametrisation.parse("uvw")).hasMessageContaining("uvw");
    }
}
