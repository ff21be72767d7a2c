package org.optdyn.verification.sgdode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The statistics helpers of the SGD-versus-ODE experiments (the closed forms are tested in theory.ode). */
class SgdOdePartsTest {

    @Test
    void statisticsHelpers() {
        double[][] v = {{0, 1, 2}, {0, 3, 4}};
        var s = Runs.stats(v);
        assertThat(s.mean()).containsExactly(0, 2, 3);
        assertThat(s.sd()[1]).isCloseTo(Math.sqrt(2), within(1e-15));
        // |mean - ode| / (4 se + bias): at j = 1 |2 - 2| = 0, at j = 2 |3 - 1| / (4 * 1 + 0) = 0.5
        assertThat(Runs.worstMeanRatio(s, new double[] {0, 2, 1}, 0)).isCloseTo(0.5, within(1e-15));
        assertThat(Runs.logLogSlope(new double[] {1, 10, 100}, new double[] {1, 0.1, 0.01}))
                .isCloseTo(-1, within(1e-12));
        assertThat(Runs.slope(new double[] {0, 1, 2}, new double[] {1, 3, 5})).isCloseTo(2, within(1e-15));
    }
}
