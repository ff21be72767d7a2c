package org.optdyn.engine.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The named spectra of sgd-ode.md §8: their formulas bit for bit, in their coordinate order. */
class SpectraTest {

    @Test
    void identityAndTwoPointAreGroupsInCoordinateOrder() {
        assertThat(Spectra.identity(3).coordinateEigenvalues()).containsExactly(1, 1, 1);
        assertThat(Spectra.identity(3_000_000_000L).groupCount()).isEqualTo(1);
        var tp = Spectra.twoPoint(6, 1, 0.25);
        assertThat(tp.coordinateEigenvalues()).containsExactly(1, 1, 1, 0.25, 0.25, 0.25);
        assertThat(tp.multiplicities()).containsExactly(3, 3);
        assertThatThrownBy(() -> Spectra.twoPoint(7, 1, 2)).hasMessageContaining("even dimension d, got 7");
        assertThatThrownBy(() -> Spectra.identity(0)).hasMessageContaining("d must be >= 1, got 0");
    }

    @Test
    void powerLawAndHighLineFamilyFollowTheirFormulasExactly() {
        int d = 1000;
        double beta = 0.3;
        double[] pl = Spectra.powerLaw(d, beta).coordinateEigenvalues();
        double s = 3.5;
        double[] hl = Spectra.highLineFamily(d, s).coordinateEigenvalues();
        double sum = 0;
        for (int i = 1; i <= d; i++) {
            assertThat(pl[i - 1]).isEqualTo(Math.pow((i - 0.5) / d, 1 / (1 - beta)));
            sum += Math.pow(i / (d + 1.0), -2 / s);
        }
        for (int i = 1; i <= d; i++) {
            assertThat(hl[i - 1]).isEqualTo(Math.pow(i / (d + 1.0), -2 / s) * d / sum);
        }
        assertThatThrownBy(() -> Spectra.powerLaw(d, 1)).hasMessageContaining("beta must be finite and < 1");
        assertThatThrownBy(() -> Spectra.highLineFamily(d, 2)).hasMessageContaining("s must be finite and > 2");
        assertThatThrownBy(() -> Spectra.powerLaw(Spectra.MAX_DISTINCT + 1, 0)).hasMessageContaining("limit");
    }

    @Test
    void quantilesClampAtZeroAndListsStretchToD() {
        assertThat(Spectra.quantiles(4, u -> u - 0.5).coordinateEigenvalues()).containsExactly(0, 0, 0.125, 0.375);
        var listed = Spectra.list(8, new double[] {2, 1}, new long[] {3, 1});
        assertThat(listed.eigenvalues()).containsExactly(2, 1);
        assertThat(listed.multiplicities()).containsExactly(6, 2);
        // equal values merge into one group: the canonical order of DiscreteSpectrum
        assertThat(Spectra.list(3, new double[] {1, 0.25, 1}, new long[] {1, 1, 1}).coordinateEigenvalues())
                .containsExactly(1, 1, 0.25);
        assertThatThrownBy(() -> Spectra.list(10, new double[] {1, 2, 3}, new long[] {1, 1, 1}))
                .hasMessageContaining("multiple of 3, got 10");
    }
}
