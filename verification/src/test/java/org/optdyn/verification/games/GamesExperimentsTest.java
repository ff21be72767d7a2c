package org.optdyn.verification.games;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.optdyn.verification.experiment.RunConfig;

/** Claims about the games experiments as oracles: their stated resolution holds for every case, not just one. */
class GamesExperimentsTest {

    /**
     * Under sabotage every predicted rate is off by the experiment's resolution; the resolution claims "a X % error
     * in any predicted rate", so every window check (a) must fail, not only one of them.
     */
    @TestFactory
    Stream<DynamicTest> everyRateCheckDetectsTheStatedResolution() {
        return GamesExperiments.all().stream().filter(e -> !e.name().equals("games-spectral-checks"))
                .map(e -> DynamicTest.dynamicTest(e.name(), () -> {
                    var result = e.run(RunConfig.test(20261202L).sabotaged());
                    var windowChecks = result.checks().stream()
                            .filter(c -> c.metric().startsWith("|ln(ρ_fit")).toList();
                    assertThat(windowChecks).isNotEmpty();
                    assertThat(windowChecks).noneMatch(c -> c.passed());
                }));
    }

    /**
     * Every check of the games suite states a deterministic bound, so each experiment's family-wise probability is
     * 0 (the catalogue test runs every experiment for the three master seeds).
     */
    @TestFactory
    Stream<DynamicTest> everyCheckIsADeterministicBound() {
        return GamesExperiments.all().stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> {
            var result = e.run(RunConfig.test(1L));
            assertThat(result.checks()).allMatch(c -> c.falseFailure().deterministic());
            assertThat(result.falseFailureProbability()).isZero();
            assertThat(result.resolution()).isNotBlank();
        }));
    }
}
