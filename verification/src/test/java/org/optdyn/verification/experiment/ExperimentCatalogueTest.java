package org.optdyn.verification.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every experiment of the catalogue at test size and asserts each of its claims: the suite that makes
 * {@code mvn verify} a correctness oracle. Each experiment derives its own tolerances (see its checks' reasons).
 */
class ExperimentCatalogueTest {

    /** The suite's fixed master seed: the run is deterministic. */
    static final long SEED = 20261202L;

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
    Stream<DynamicTest> everyExperimentHoldsAtTestSize() {
        return ExperimentCatalogue.all().stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> {
            var result = e.run(RunConfig.test(SEED));
            assertThat(result.checks()).as("%s reports no checks", e.name()).isNotEmpty();
            for (var c : result.checks()) {
                assertThat(c.passed())
                        .as("%s: %s = %s, required %s %s (%s)", e.name(), c.metric(), c.measured(),
                                c.relation().symbol(), c.tolerance(), c.reason())
                        .isTrue();
            }
        }));
    }

    @Test
    void checkWithNaNMeasurementFails() {
        assertThat(Check.atMost("gap", Double.NaN, 1.0, "any").passed()).isFalse();
        assertThat(Check.atMost("gap", 0.5, 1.0, "any").passed()).isTrue();
        assertThat(Check.atLeast("gain", 0.5, 1.0, "any").passed()).isFalse();
    }
}
