package org.optdyn.verification.games;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.optdyn.games.Games;
import org.optdyn.theory.shapes.FirstOrderMethod;
import org.optdyn.theory.shapes.Shape;
import org.optdyn.verification.experiment.RunConfig;

class RateMeasurementTest {

    @Test
    void singleEigenvalueGameHasNoTransientSoTheToleranceIsOnlyRounding() {
        // Disk spectrum reduced to one eigenvalue pair: GD's error is exactly |1 - ηλ|^t ‖e_0‖
        var shape = Shape.Points.of(new Complex(2, 1));
        var game = Games.randomInShape(shape, 20, Games.root(1), List.of());
        var gd = new FirstOrderMethod.GD(0.3);
        double rho = gd.spectralRadius(new Complex(2, 1));
        var m = RateMeasurement.run("GD", game, Games.gaussian(20, Games.root(2)), gd, rho, 20);
        // no transient: modal fit = ρ to rounding; the window-fit term is exp(3nδ/(n²-1)) - 1 with δ ~ 1e-14
        assertThat(m.tolerance()).isLessThan(2e-7);
        assertThat(m.relativeError()).isLessThanOrEqualTo(m.tolerance());
        assertThat(m.checks()).allMatch(c -> c.passed());
    }

    @Test
    void aWrongPredictionIsDetected() {
        var game = Games.randomInShape(new Shape.Disk(5, 3), 40, Games.root(3), List.of());
        var gd = new FirstOrderMethod.GD(0.2);
        // the true rate is 0.6; predicting 0.65 must fail the rate check
        var m = RateMeasurement.run("GD", game, Games.gaussian(40, Games.root(4)), gd, 0.65, 60);
        assertThat(m.checks().getFirst().passed()).isFalse();
    }

    @Test
    void horizonReachesTheTargetOrTheCap() {
        assertThat(RateMeasurement.horizon(0.5, 1e-8, 1000)).isEqualTo(27);
        assertThat(RateMeasurement.horizon(0.9999, 1e-8, 1000)).isEqualTo(1000);
        assertThat(RateMeasurement.horizon(1.2, 1e-8, 500)).isEqualTo(500);
    }

    @Test
    void experimentResultsDoNotDependOnTheThreadCount() {
        var e = new AcceleratedConsensusExperiment();
        var one = e.run(new RunConfig(RunConfig.Size.TEST, 7, 1, RunConfig.Progress.NONE));
        var two = e.run(new RunConfig(RunConfig.Size.TEST, 7, 3, RunConfig.Progress.NONE));
        assertThat(one.checks()).hasSameSizeAs(two.checks());
        for (int i = 0; i < one.checks().size(); i++) {
            assertThat(one.checks().get(i).measured()).isEqualTo(two.checks().get(i).measured());
        }
    }

    @Test
    void divergedRunsAreFittedOnTheirRecordedIterates() {
        var game = Games.bilinear(new double[] {1, 2}, 0, Games.root(5));
        var gd = new FirstOrderMethod.GD(0.5);
        double rho = Math.sqrt(1 + 0.25 * 4);
        var m = RateMeasurement.run("GDA", game, Games.gaussian(4, Games.root(6)), gd, rho, 10_000);
        assertThat(m.outcome()).isInstanceOf(org.optdyn.games.SolverOutcome.Diverged.class);
        // the fitted growth rate is close to √2; the derived tolerance covers the transient of σ = 1
        assertThat(m.fitted()).isCloseTo(rho, within(rho * m.tolerance()));
    }
}
