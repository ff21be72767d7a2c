package org.optdyn.verification.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every experiment of the catalogue at test size and asserts each of its claims: the suite that makes
 * {@code mvn verify} a correctness oracle. Each experiment derives its own tolerances (see its checks' reasons).
 */
class ExperimentCatalogueTest {

    /** The suite's default master seed (also the CLI's): the run is deterministic. */
    static final long SEED = 20261202L;

    /**
     * The master seeds the whole catalogue must pass for: the default and two others, so no tolerance is tuned to
     * one seed. The family-wise false-failure probability of the suite is at most three times the sum of the
     * experiments' (each is reported in the report and summary.json).
     */
    static final long[] SEEDS = {SEED, 1L, 2L};

    @Test
    void experimentNamesAreUniqueAndFileNameSafe() {
        var seen = new HashSet<String>();
        for (var e : ExperimentCatalogue.all()) {
            assertThat(seen.add(e.name())).as("duplicate experiment name %s", e.name()).isTrue();
            assertThat(e.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(e.claim()).isNotBlank();
            assertThat(e.source()).isNotBlank();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExperimentHoldsAtTestSizeForThreeSeeds() {
        return LongStream.of(SEEDS).boxed().flatMap(seed -> ExperimentCatalogue.all().stream()
                .map(e -> DynamicTest.dynamicTest(e.name() + " seed=" + seed, () -> {
                    var result = e.run(RunConfig.test(seed));
                    assertThat(result.checks()).as("%s reports no checks", e.name()).isNotEmpty();
                    for (var c : result.checks()) {
                        assertThat(c.passed())
                                .as("%s (seed %d): %s = %s, required %s %s (%s)", e.name(), seed, c.metric(),
                                        c.measured(), c.relation().symbol(), c.tolerance(), c.reason())
                                .isTrue();
                    }
                })));
    }

    /**
     * Every experiment proves it can fail: perturbing its own prediction by its stated resolution (the sabotage
     * mode) makes at least one of its checks fail.
     */
    @TestFactory
    Stream<DynamicTest> everyExperimentFailsWhenItsPredictionIsPerturbedByItsResolution() {
        return ExperimentCatalogue.all().stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> {
            var result = e.run(RunConfig.test(SEED).sabotaged());
            assertThat(result.passed())
                    .as("%s passed although its prediction was perturbed by its resolution (%s)", e.name(),
                            result.resolution())
                    .isFalse();
        }));
    }

    @Test
    void checkWithNonFiniteToleranceIsRefused() {
        assertThatThrownBy(() -> Check.atMost("gap", 0.5, Double.POSITIVE_INFINITY, "any",
                FalseFailure.deterministic("exact")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gap").hasMessageContaining("Infinity");
        assertThatThrownBy(() -> Check.atLeast("gain", 0.5, Double.NaN, "any", FalseFailure.deterministic("exact")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }

    @Test
    void familyWiseProbabilityIsTheCappedUnionBoundAndDeterministicChecksAddNothing() {
        var p = FalseFailure.probability(0.004, "Normal, two-sided 4 sigma");
        var exact = FalseFailure.deterministic("rounding bound");
        assertThat(FalseFailure.unionBound(java.util.List.of(p, p, exact))).isEqualTo(0.008);
        assertThat(FalseFailure.unionBound(java.util.List.of(FalseFailure.probability(0.7, "x"),
                FalseFailure.probability(0.7, "y")))).isEqualTo(1.0);
    }

    @Test
    void checkWithNaNMeasurementFails() {
        var exact = FalseFailure.deterministic("exact");
        assertThat(Check.atMost("gap", Double.NaN, 1.0, "any", exact).passed()).isFalse();
        assertThat(Check.atMost("gap", 0.5, 1.0, "any", exact).passed()).isTrue();
        assertThat(Check.atLeast("gain", 0.5, 1.0, "any", exact).passed()).isFalse();
    }

    @Test
    void aResultMustStateItsResolution() {
        assertThatThrownBy(() -> new ExperimentResult("quiet", java.util.List.of(), java.util.List.of(),
                ExperimentResult.parameterMap(), "", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quiet")
                .hasMessageContaining("resolution");
    }

    @Test
    void aStatisticalBoundNeedsAProbabilityStrictlyBetweenZeroAndOne() {
        assertThatThrownBy(() -> FalseFailure.probability(0, "Normal")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FalseFailure.probability(1, "Normal")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FalseFailure.deterministic(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
