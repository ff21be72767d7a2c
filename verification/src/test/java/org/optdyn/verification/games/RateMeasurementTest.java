package org.optdyn.verification.games;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.hipparchus.complex.Complex;
import org.optdyn.engine.outcome.Outcome;
import org.junit.jupiter.api.Test;
import org.optdyn.games.Games;
import org.optdyn.games.LinearGame;
import org.optdyn.theory.shapes.ShapeClosedForms;
import org.optdyn.theory.shapes.FirstOrderMethod;
import org.optdyn.theory.shapes.Rates;
import org.optdyn.theory.shapes.Shape;
import org.optdyn.verification.experiment.RunConfig;

class RateMeasurementTest {

    private static RateMeasurement measure(Shape shape, FirstOrderMethod m, int p, long seed, double predictedFactor) {
        var pts = Rates.evaluationPoints(m, shape);
        double rho = Rates.rate(m, pts);
        Complex worst = Rates.worstPoint(m, pts);
        LinearGame game = Games.randomInShape(shape, p, Games.root(seed), List.of(worst));
        return RateMeasurement.run("m", game, Games.gaussian(p, Games.root(seed + 1000)), m, worst,
                rho * predictedFactor, RateMeasurement.horizon(rho, 3000));
    }

    @Test
    void oneStepBandContainsTheModalFitOnEverySampledDisk() {
        var disk = new Shape.Disk(5, 3);
        for (long seed = 1; seed <= 6; seed++) {
            var m = measure(disk, ShapeClosedForms.gd(disk).method(), 60, seed, 1);
            double dev = Math.log(m.modalFit() / m.rhoStar());
            // the band is exact; 1e-12 covers the rounding of a log-slope fitted over ~1e3 sums of 60 modes
            assertThat(dev).as("seed %d", seed).isBetween(m.band().lo() - 1e-12, m.band().hi() + 1e-12);
            assertThat(m.checks()).allMatch(c -> c.passed());
        }
    }

    @Test
    void twoStepBandContainsTheModalFitWithDoubleRootsAtTheSegmentEnds() {
        var seg = new Shape.Segment(1, 10);
        for (long seed = 1; seed <= 4; seed++) {
            var m = measure(seg, ShapeClosedForms.polyak(seg).method(), 60, seed, 1);
            assertThat(m.windowDeviation()).as("seed %d", seed).isLessThanOrEqualTo(m.windowTolerance());
            // the double roots give the maximizer's own prefactor a positive slope (linear prefactor t)
            assertThat(m.band().prefactorSlope()).isPositive();
        }
    }

    @Test
    void aOnePercentErrorInThePredictedRateIsDetected() {
        var disk = new Shape.Disk(5, 3);
        var m = measure(disk, ShapeClosedForms.gd(disk).method(), 60, 3, 1.01);
        assertThat(m.checks().getFirst().passed()).isFalse();
        assertThat(m.checks().get(1).passed()).isTrue();
    }

    @Test
    void aBlockFasterThanTheClaimedMaximizerIsDetected() {
        // claim: the maximizer of GD(0.2) on Disk(5, 3) is the centre 5 + 0i (wrong: the boundary has rate 0.6)
        var disk = new Shape.Disk(5, 3);
        var gd = new FirstOrderMethod.GD(0.2);
        Complex claimed = new Complex(5, 1.5);
        LinearGame game = Games.randomInShape(disk, 40, Games.root(5), List.of(claimed, new Complex(2, 0)));
        var m = RateMeasurement.run("GD", game, Games.gaussian(40, Games.root(6)), gd, claimed,
                gd.spectralRadius(claimed), 300);
        assertThat(m.checks().getFirst().passed()).isFalse();
    }

    @Test
    void equalizingTheMaximizerGivesItHalfOfTheEnergy() {
        var disk = new Shape.Disk(5, 3);
        var m = measure(disk, ShapeClosedForms.gd(disk).method(), 40, 7, 1);
        assertThat(m.band().r()).isCloseTo(1, within(1e-12));
    }

    @Test
    void simulationInErrorCoordinatesMatchesTheModalSumWithinTheRoundingBound() {
        var ell = new Shape.Ellipse(5.5, 4.5, 2.25);
        var m = measure(ell, ShapeClosedForms.heavyBall(ell).method(), 80, 11, 1);
        assertThat(m.delta()).isLessThanOrEqualTo(m.deltaBound());
        // the bound is a rounding bound, not a loose allowance: far below any rate resolution
        assertThat(m.deltaBound()).isLessThan(1e-6);
    }

    @Test
    void aSolverWhoseJacobianIsOffBy1e7IsCaughtBySimulationAgainstModalTheory() {
        // the simulated game's Jacobian is (1 + 1e-7) A while the modal theory uses A: a tiny solver-side error
        var disk = new Shape.Disk(5, 3);
        var gd = ShapeClosedForms.gd(disk).method();
        var pts = Rates.evaluationPoints(gd, disk);
        Complex worst = Rates.worstPoint(gd, pts);
        LinearGame game = Games.randomInShape(disk, 60, Games.root(21), List.of(worst));
        double[] a = game.jacobian();
        for (int i = 0; i < a.length; i++) {
            a[i] *= 1 + 1e-7;
        }
        var wrong = new LinearGame(a, game.equilibrium(), game.split(), game.modes().orElseThrow());
        double rho = Rates.rate(gd, pts);
        var m = RateMeasurement.run("GD", wrong, Games.gaussian(60, Games.root(22)), gd, worst, rho,
                RateMeasurement.horizon(rho, 3000));
        assertThat(m.checks().get(1).passed()).isFalse();
        // while the same run on the true game passes
        var right = RateMeasurement.run("GD", game, Games.gaussian(60, Games.root(22)), gd, worst, rho,
                RateMeasurement.horizon(rho, 3000));
        assertThat(right.checks()).allMatch(c -> c.passed());
    }

    @Test
    void slopeSensitivityIsAboutOneAndAHalfOverTheWindowLength() {
        assertThat(WindowBounds.slopeSensitivity(500, 1000) * 501).isCloseTo(1.5, within(0.01));
        assertThat(WindowBounds.slopeLipschitz(0, 1)).isEqualTo(2.0);
    }

    @Test
    void horizonReachesTheTargetOrTheCap() {
        assertThat(RateMeasurement.horizon(0.5, 1000)).isEqualTo(399);
        assertThat(RateMeasurement.horizon(0.9999, 1000)).isEqualTo(1000);
        assertThat(RateMeasurement.horizon(1.2, 5000)).isEqualTo(1263);
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
    void growthRatesAreFittedLikeDecayRates() {
        var game = Games.bilinear(new double[] {1, 2}, 0, Games.root(5));
        var gd = new FirstOrderMethod.GD(0.5);
        double rho = Math.sqrt(1 + 0.25 * 4);
        var m = RateMeasurement.run("GDA", game, Games.gaussian(4, Games.root(6)), gd, new Complex(0, 2), rho,
                RateMeasurement.horizon(rho, 10_000));
        assertThat(m.outcome()).isInstanceOf(Outcome.Completed.class);
        assertThat(m.checks()).allMatch(c -> c.passed());
    }
}
