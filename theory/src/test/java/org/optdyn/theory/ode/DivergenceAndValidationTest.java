package org.optdyn.theory.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.spectrum.Spectra;
import org.optdyn.engine.stream.LearningRateRule;
import org.optdyn.engine.stream.ModelKind;
import org.optdyn.engine.stream.TimeGrid;

/** Divergence as a result (§3.3 threshold, §8 item 8) and validation at the public boundary. */
class DivergenceAndValidationTest {

    @Test
    void justAboveTheAverageEigenvalueThresholdTheOdeDivergesAndReportsWhen() {
        // hl family s = 5.5: λ̄ = 1 so γ_c = 2, although λ_max ≈ 7.9 ≫ 2/γ. Just below: bounded; just above: blow-up.
        var sp = Spectra.highLineFamily(200, 5.5);
        var grid = TimeGrid.linear(400, 41);
        var below = HighLineOde.solve(OdeProblem.of(GlmModel.leastSquares(), sp, LearningRateRule.constant(1.95),
                grid).withOptions(OdeOptions.defaults().withRelativeTolerance(1e-8).withGroupOverlaps(false)));
        assertThat(below).isInstanceOf(Outcome.Completed.class);
        assertThat(below.value().risk()[40]).isLessThan(below.value().risk()[0]);
        var above = HighLineOde.solve(OdeProblem.of(GlmModel.leastSquares(), sp, LearningRateRule.constant(2.05),
                grid).withOptions(OdeOptions.defaults().withRelativeTolerance(1e-8).withGroupOverlaps(false)));
        assertThat(above).isInstanceOf(Outcome.Diverged.class);
        var d = (Outcome.Diverged<OdeTrajectory>) above;
        assertThat(d.time()).isGreaterThan(0).isLessThan(400);
        assertThat(d.reason()).contains("exceeded");
        // Recorded points stop before the blow-up and are finite, never NaN curves.
        var tr = d.partial();
        assertThat(tr.size()).isBetween(1, 40);
        assertThat(tr.times()[tr.size() - 1]).isLessThanOrEqualTo(d.time());
        for (double r : tr.risk()) {
            assertThat(r).isFinite().isLessThanOrEqualTo(1e6 * tr.risk()[0]);
        }
        assertThatThrownBy(above::orElseThrow).isInstanceOf(IllegalStateException.class).hasMessageContaining("t =");
        // The event stops at the threshold crossing: the risk there is 1e6 × 𝓡(0), so 𝓡 grew by e^{ρt} with
        // ρ > 0, a time consistent with the closed-form threshold being crossed.
        assertThat(HighLineClosedForms.stabilityThreshold(sp)).isBetween(1.95, 2.05);
    }

    @Test
    void lineSearchUndefinedForNonConvexDirectionIsReportedNotThrown() {
        // Phase retrieval at X₀ = 0 has H₁ = 3B₁₁ − B₂₂ = −1 < 0: the §5.1 GLM line search is undefined.
        var out = HighLineOde.solve(OdeProblem.of(GlmModel.phaseRetrieval(), Spectra.identity(4),
                new LearningRateRule.ExactLineSearch(), TimeGrid.of(0, 1)));
        assertThat(out).isInstanceOf(Outcome.Diverged.class);
        assertThat(((Outcome.Diverged<OdeTrajectory>) out).reason()).contains("H1");
    }

    @Test
    void publicBoundariesRejectBadInputNamingTheArgument() {
        var sp = Spectra.identity(10);
        assertThatThrownBy(() -> LearningRateRule.constant(-1)).hasMessageContaining("gamma");
        assertThatThrownBy(() -> LearningRateRule.adaGradNorm(1, 0)).hasMessageContaining("b must");
        assertThatThrownBy(() -> LearningRateRule.parse("sgd:1")).hasMessageContaining("sgd");
        assertThatThrownBy(() -> TimeGrid.of(1, 1)).hasMessageContaining("increasing");
        assertThatThrownBy(() -> TimeGrid.of(-1)).hasMessageContaining("times[0]");
        assertThatThrownBy(() -> OdeProblem.of(GlmModel.logistic(), sp, LearningRateRule.constant(1),
                TimeGrid.of(1)).withNoise(0.5)).hasMessageContaining("noise");
        assertThatThrownBy(() -> OdeProblem.of(GlmModel.leastSquares(), sp, LearningRateRule.constant(1),
                TimeGrid.of(1)).withInitial(InitialOverlaps.isotropic(Spectra.twoPoint(2, 1, 2))))
                .hasMessageContaining("groups");
        assertThatThrownBy(() -> InitialOverlaps.of(new double[]{1}, new double[]{2}, new double[]{1}))
                .hasMessageContaining("c[0]");
        assertThatThrownBy(() -> OdeOptions.defaults().withRelativeTolerance(0)).hasMessageContaining("relative");
        assertThatThrownBy(() -> ModelKind.parse("svm")).hasMessageContaining("svm");
        assertThatThrownBy(() -> FiniteDimensionalMeans.expectedRiskFromGroups(sp, new double[]{1}, 1, 0, -1))
                .hasMessageContaining("steps");
    }

    @Test
    void groupOverlapsAreRecordedAutomaticallyOnlyWhileSmall() {
        var auto = OdeOptions.defaults();
        assertThat(auto.recordsGroups(1000, 101)).isTrue();
        assertThat(auto.recordsGroups(1_000_000, 101)).isFalse(); // 1e8 doubles per array would be 800 MB
        assertThat(auto.withGroupOverlaps(true).recordsGroups(1_000_000, 101)).isTrue();
        var tr = HighLineOde.solve(OdeProblem.of(GlmModel.leastSquares(), Spectra.identity(5),
                LearningRateRule.constant(1), TimeGrid.of(0, 1)).withOptions(auto.withGroupOverlaps(false)))
                .orElseThrow();
        assertThat(tr.groupP()).isNull();
        assertThatThrownBy(() -> tr.groupResiduals(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cliSyntaxParsesIntoTheSameProblems() {
        assertThat(LearningRateRule.parse("const:0.5")).isEqualTo(new LearningRateRule.Constant(0.5));
        assertThat(LearningRateRule.parse("adagrad-norm:1,0.3")).isEqualTo(new LearningRateRule.AdaGradNorm(1, 0.3));
        assertThat(LearningRateRule.parse("line-search")).isInstanceOf(LearningRateRule.ExactLineSearch.class);
        assertThat(LearningRateRule.parse("polyak")).isInstanceOf(LearningRateRule.Polyak.class);
        assertThat(GlmModel.of(ModelKind.parse("ls"))).isEqualTo(GlmModel.leastSquares());
        assertThat(GlmModel.of(ModelKind.parse("logistic"))).isEqualTo(GlmModel.logistic());
        assertThat(GlmModel.of(ModelKind.parse("phase-retrieval"))).isEqualTo(GlmModel.phaseRetrieval());
        for (var kind : ModelKind.values()) {
            assertThat(GlmModel.of(kind).kind()).isEqualTo(kind);
            assertThat(GlmModel.of(kind).name()).isEqualTo(kind.id());
        }
        assertThat(TimeGrid.linear(2, 5).times()).containsExactly(0, 0.5, 1, 1.5, 2);
        double[] lg = TimeGrid.logarithmic(0.1, 10, 3).times();
        assertThat(lg).hasSize(4);
        assertThat(lg[0]).isZero();
        assertThat(lg[2]).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(lg[3]).isEqualTo(10);
    }
}
