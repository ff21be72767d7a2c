package org.optdyn.theory.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.optdyn.engine.spectrum.Spectra;
import org.optdyn.engine.stream.Covariance;
import org.optdyn.engine.stream.InitialCondition;
import org.optdyn.engine.stream.LabelModel;
import org.optdyn.engine.stream.LearningRateRule;
import org.optdyn.engine.stream.SimulationSpec;
import org.optdyn.engine.stream.StepGrid;
import org.optdyn.engine.stream.TimeGrid;

/** {@link OdeProblem#of(org.optdyn.engine.stream.SimulationSpec)}: one problem statement, read by both solvers. */
class OdeProblemOfSimulationSpecTest {

    @Test
    void theOdeOfASimulationSpecIsTheSameProblemStatedForTheOde() {
        int d = 200;
        var spectrum = Spectra.twoPoint(d, 1, 0.25);
        var grid = StepGrid.linear(2, 8, d);
        var rule = LearningRateRule.adaGradNorm(1, 0.5);
        var spec = SimulationSpec.of(Covariance.diagonal(spectrum), new LabelModel.LeastSquares(0.5), rule,
                InitialCondition.zeroStartUnitTarget(), grid);
        var fromSpec = OdeProblem.of(spec);
        var stated = OdeProblem.of(GlmModel.leastSquares(), spectrum, rule, TimeGrid.of(grid.times())).withNoise(0.5);
        assertThat(fromSpec.model().kind()).isEqualTo(stated.model().kind());
        assertThat(fromSpec.spectrum().coordinateEigenvalues()).containsExactly(spectrum.coordinateEigenvalues());
        assertThat(fromSpec.rule()).isEqualTo(rule);
        assertThat(fromSpec.noise()).isEqualTo(0.5);
        assertThat(fromSpec.grid().times()).containsExactly(grid.times());
        assertThat(HighLineOde.solve(fromSpec).orElseThrow().risk())
                .containsExactly(HighLineOde.solve(stated).orElseThrow().risk());
    }

    @Test
    void aRotatedCovarianceHasTheOdeOfItsEigenvalues() {
        int d = 40;
        var spectrum = Spectra.twoPoint(d, 2, 0.5);
        var rotated = Covariance.haar(spectrum.coordinateEigenvalues(), new java.util.Random(3));
        var spec = SimulationSpec.of(rotated, new LabelModel.Logistic(), LearningRateRule.constant(1),
                InitialCondition.zeroStartUnitTarget(), StepGrid.linear(1, 4, d));
        assertThat(OdeProblem.of(spec).spectrum().groupCount()).isEqualTo(2);
        assertThat(OdeProblem.of(spec).model().kind()).isEqualTo(GlmModel.logistic().kind());
    }

    @Test
    void batchesAndCustomUpdateRulesHaveNoOdeHere() {
        var spec = SimulationSpec.of(Covariance.diagonal(Spectra.identity(8)), new LabelModel.LeastSquares(0),
                LearningRateRule.constant(1), InitialCondition.zeroStartUnitTarget(), StepGrid.linear(1, 2, 8));
        assertThatThrownBy(() -> OdeProblem.of(spec.withBatchSize(4))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch size 4");
    }
}
